import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../platform/db/database.js';
import type { Client } from '../../../test/helpers.js';
import { Client as AnonymousClient, loggedIn, startRuntime } from '../../../test/helpers.js';
import { personIdOf, submitIdea } from './test-support.js';
import { clock } from './timebox.js';

/** The portfolio views: the list's filters, the board's moves, the funnel per year. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let resident: Client;
let ownerId: string;
let otherOwnerId: string;
let staffId: string;

interface Item {
  id: string;
  stage: string;
  owner: { id: string; name: string } | null;
  clock: { dueDate: string; daysLeft: number; states: string[] } | null;
}
interface Year {
  year: number;
  submitted: number;
  decided: number;
  started: number;
  adopted: number;
  experimenters: number;
}

const RUN = Date.now().toString(36);
const at = (iso: string) => {
  const instant = new Date(iso);
  clock.now = () => instant;
};

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  ownerId = await personIdOf(rt.db, 'tilat@tyrskyla.example');
  otherOwnerId = await personIdOf(rt.db, 'talous@tyrskyla.example');
  staffId = otherOwnerId;
});
afterEach(() => {
  clock.now = () => new Date();
});
afterAll(() => rt.dispose());

async function list(client: Client, query: string) {
  const response = await client.get(`portfolio/ideas?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Item[]; facets: Record<string, unknown[]> };
}
const idsOf = async (query: string, client: Client = team) =>
  (await list(client, query)).items.map((i) => i.id);

async function move(ideaId: string, body: Record<string, unknown>) {
  const response = await team.post(`portfolio/ideas/${ideaId}/stage`, { reason: '', ...body });
  expect(response.statusCode, response.body).toBe(200);
}

describe('list filters', () => {
  it('filters by department, theme, stage and owner, each and combined; facets list them', async () => {
    const theme = `liikenne-${RUN}`;
    const a = await submitIdea(resident, { themes: [theme], departments: [`Tekninen ${RUN}`] });
    const b = await submitIdea(resident, { themes: [theme], departments: [`Sivistys ${RUN}`] });
    const c = await submitIdea(resident, {
      themes: [`muu-${RUN}`],
      departments: [`Tekninen ${RUN}`],
    });
    await move(a.id, { stage: 'experiment', ownerId, timeboxDays: 21 });
    await move(b.id, { stage: 'experiment', ownerId: otherOwnerId, timeboxDays: 105 });

    const q = encodeURIComponent;
    expect((await idsOf(`theme=${q(theme)}`)).sort()).toEqual([a.id, b.id].sort());
    expect((await idsOf(`department=${q(`Tekninen ${RUN}`)}`)).sort()).toEqual([a.id, c.id].sort());
    const byOwner = await idsOf(`owner=${ownerId}`);
    expect(byOwner).toContain(a.id);
    expect(byOwner).not.toContain(b.id);
    expect(await idsOf(`stage=idea&department=${q(`Tekninen ${RUN}`)}`)).toEqual([c.id]);
    expect(await idsOf(`theme=${q(theme)}&owner=${otherOwnerId}&stage=experiment`)).toEqual([b.id]);
    expect(await idsOf(`theme=${q(theme)}&owner=${otherOwnerId}&stage=idea`)).toEqual([]);

    // Anyone may filter; the list says who owns what and offers the values in use.
    const publicList = await list(new AnonymousClient(rt.app), `theme=${q(theme)}`);
    const item = publicList.items.find((i) => i.id === a.id)!;
    expect(item.owner?.id).toBe(ownerId);
    expect(item.clock?.states).toEqual(['running']);
    expect(publicList.facets.themes).toContain(theme);
    expect(publicList.facets.departments).toContain(`Sivistys ${RUN}`);
    expect((publicList.facets.owners as { id: string }[]).map((o) => o.id)).toEqual(
      expect.arrayContaining([ownerId, otherOwnerId]),
    );
  });

  it('filters by timebox state, the same states the list items carry', async () => {
    const theme = `kello-${RUN}`;
    const idea = () => submitIdea(resident, { themes: [theme] });
    // Decided on Monday 1 March 2027 at 12.00 Helsinki: due on 22 March, declare by 2 March 12.00.
    at('2027-03-01T10:00:00Z');
    const [late, declared, done, fresh] = [await idea(), await idea(), await idea(), await idea()];
    for (const i of [late, declared, done]) {
      await move(i.id, { stage: 'experiment', ownerId, timeboxDays: 21 });
    }
    const declaration = await team.post(`portfolio/ideas/${declared.id}/experiment/declare`, {
      declaration: 'Aloitamme maanantaina.',
    });
    expect(declaration.statusCode, declaration.body).toBe(200);
    await move(done.id, { stage: 'evaluation', ownerId, timeboxDays: 21, goal: 'Jonot lyhenevät' });
    at('2027-03-02T11:00:00Z');
    await move(fresh.id, { stage: 'experiment', ownerId, timeboxDays: 105 });

    const states = async (query: string) => {
      const all = (await list(team, `theme=${theme}`)).items;
      const filtered = await idsOf(`theme=${theme}&timeboxState=${query}`);
      // The SQL filter and the states on the items agree, item by item.
      expect(filtered.sort()).toEqual(
        all
          .filter((i) => i.clock?.states.includes(query))
          .map((i) => i.id)
          .sort(),
      );
      return filtered;
    };
    // 2 March 13.00 Helsinki: an hour past the first declarations' deadline.
    expect((await states('running')).sort()).toEqual([late.id, declared.id, fresh.id].sort());
    expect(await states('undeclared')).toEqual([late.id]);
    expect(await states('finished')).toEqual([done.id]);
    expect(await states('dueSoon')).toEqual([]);
    expect(await states('overdue')).toEqual([]);
    // 19 March: three days left on the small ones.
    at('2027-03-19T08:00:00Z');
    expect((await states('dueSoon')).sort()).toEqual([late.id, declared.id].sort());
    // 23 March: a day late; the larger one still runs.
    at('2027-03-23T08:00:00Z');
    expect((await states('overdue')).sort()).toEqual([late.id, declared.id].sort());
    expect(await states('running')).toEqual([fresh.id]);
    const item = (await list(team, `theme=${theme}&timeboxState=overdue`)).items.find(
      (i) => i.id === late.id,
    )!;
    expect(item.clock).toMatchObject({ dueDate: '2027-03-22', daysLeft: -1 });
    expect(item.clock?.states.sort()).toEqual(['overdue', 'undeclared']);
    // With other filters.
    expect(await idsOf(`theme=${theme}&timeboxState=running&stage=experiment`)).toEqual([fresh.id]);
  });

  it('refuses bad filter values with a translated 400', async () => {
    for (const query of ['timeboxState=late', 'owner=not-a-person', 'stage=' + 'x'.repeat(41)]) {
      const response = await team.get(`portfolio/ideas?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title).toBe('Tiedoissa on virheitä');
    }
    const swedish = new AnonymousClient(rt.app, 'tyrskyla', 'sv');
    const response = await swedish.get('portfolio/ideas?timeboxState=someday');
    expect(response.statusCode).toBe(400);
    expect(response.json().title).toBe('Uppgifterna innehåller fel');
    expect(response.json().errors[0].field).toBe('querystring.timeboxState');
  });
});

describe('board moves', () => {
  it('a move the stage rules refuse is a translated 422 and the card stays', async () => {
    const idea = await submitIdea(resident);
    const refused = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'experiment',
      reason: '',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('vastuuhenkilö');
    expect(await idsOf(`stage=idea`)).toContain(idea.id);
    expect(await idsOf(`stage=experiment`)).not.toContain(idea.id);
    // Given what the stage needs, the same move goes through.
    await move(idea.id, { stage: 'experiment', ownerId, timeboxDays: 21 });
    expect(await idsOf(`stage=experiment&owner=${ownerId}`)).toContain(idea.id);
  });
});

describe('funnel per year', () => {
  it('counts each step in the Helsinki year it happened, from the records', async () => {
    const municipalityId = await asSystem(
      rt.db,
      async (tx) =>
        (
          await tx
            .selectFrom('municipalities')
            .select('id')
            .where('slug', '=', 'tyrskyla')
            .executeTakeFirstOrThrow()
        ).id,
    );
    const rounds: string[] = [];
    // A round needs an agenda; the history below is written as the records of 2019–2020.
    const agenda = await submitIdea(resident);
    for (const title of ['Kevät 2019', 'Syksy 2019']) {
      const round = await team.post('portfolio/rounds', {
        title,
        meetingDate: '2019-06-01',
        ideaIds: [agenda.id],
      });
      expect(round.statusCode, round.body).toBe(201);
      rounds.push(round.json().id as string);
    }
    await asSystem(rt.db, async (tx) => {
      const idea = async (createdAt: string, extra: Record<string, unknown> = {}) =>
        (
          await tx
            .insertInto('portfolio_ideas')
            .values({
              municipality_id: municipalityId,
              title: `Historia ${createdAt}`,
              problem: 'p',
              proposal: 'e',
              submitted_by: null,
              submitted_as: 'staff',
              created_at: createdAt,
              ...extra,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const event = (ideaId: string, createdAt: string, extra: Record<string, unknown>) =>
        tx
          .insertInto('portfolio_events')
          .values({
            municipality_id: municipalityId,
            idea_id: ideaId,
            actor_id: null,
            kind: 'stage',
            created_at: createdAt,
            ...extra,
          })
          .execute();
      const experiment = async (
        ideaId: string,
        decidedAt: string,
        people: [string | null, string][],
      ) => {
        const decided = new Date(decidedAt);
        await tx
          .insertInto('portfolio_experiments')
          .values({
            municipality_id: municipalityId,
            idea_id: ideaId,
            timebox_days: 21,
            decided_at: decided,
            declare_by: new Date(decided.getTime() + 86_400_000),
            due_date: '2020-02-01',
          })
          .execute();
        await tx
          .insertInto('portfolio_experimenters')
          .values(
            people.map(([personId, name], position) => ({
              municipality_id: municipalityId,
              idea_id: ideaId,
              position,
              person_id: personId,
              name,
              department: '',
            })),
          )
          .execute();
      };
      // New Year's Eve 23.30 UTC is already 2020 in Helsinki.
      await idea('2019-12-31T22:30:00Z');
      const b = await idea('2019-05-01T09:00:00Z', { stage: 'adopted' });
      const c = await idea('2019-03-01T09:00:00Z', { stage: 'experiment' });
      await idea('2019-04-01T09:00:00Z', { merged_into: b });
      await idea('2019-04-02T09:00:00Z', { hidden_at: '2019-04-03', hidden_reason: 'Asiaton' });
      await event(b, '2019-06-01T10:00:00Z', {
        kind: 'decision',
        decision: 'go',
        round_id: rounds[0],
      });
      await event(c, '2019-06-01T10:00:00Z', {
        kind: 'decision',
        decision: 'wait',
        round_id: rounds[0],
      });
      // Decided twice in a year: one idea decided.
      await event(c, '2019-11-01T10:00:00Z', {
        kind: 'decision',
        decision: 'go',
        round_id: rounds[1],
      });
      // A manual move into the experiment stage is no round's decision.
      await event(b, '2019-06-01T10:00:00Z', { from_stage: 'idea', to_stage: 'experiment' });
      await event(b, '2020-02-01T10:00:00Z', { from_stage: 'evaluation', to_stage: 'adopted' });
      await experiment(b, '2019-06-01T10:00:00Z', [
        [staffId, ''],
        [null, 'Kaisa'],
        [null, ' kaisa '],
      ]);
      await experiment(c, '2019-12-31T22:30:00Z', [[staffId, '']]);
    });

    at('2021-06-01T09:00:00Z');
    const response = await new AnonymousClient(rt.app).get('portfolio/funnel');
    expect(response.statusCode, response.body).toBe(200);
    const funnel = response.json() as { experimenterTarget: number; years: Year[] };
    expect(funnel.experimenterTarget).toBe(50);
    expect(funnel.years).toEqual([
      { year: 2019, submitted: 2, decided: 2, started: 1, adopted: 0, experimenters: 2 },
      { year: 2020, submitted: 1, decided: 0, started: 1, adopted: 1, experimenters: 1 },
      { year: 2021, submitted: 0, decided: 0, started: 0, adopted: 0, experimenters: 0 },
    ]);
  });

  it('an idea taken from submission to adopted counts once at every step this year', async () => {
    const thisYear = async () => {
      const years = (await resident.get('portfolio/funnel')).json().years as Year[];
      return years[years.length - 1]!;
    };
    const before = await thisYear();
    expect(before.year).toBe(new Date().getFullYear());
    const idea = await submitIdea(resident);
    const round = await team.post('portfolio/rounds', {
      title: 'Kierros',
      meetingDate: '2026-12-01',
      ideaIds: [idea.id],
    });
    const decided = await team.post(
      `portfolio/rounds/${round.json().id}/ideas/${idea.id}/decision`,
      { decision: 'go', reason: 'Kokeillaan', ownerId, timeboxDays: 21 },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    await move(idea.id, { stage: 'evaluation', ownerId, timeboxDays: 21, goal: 'Jonot pois' });
    await move(idea.id, {
      stage: 'adopted',
      ownerId,
      timeboxDays: 21,
      goal: 'Jonot pois',
      results: 'Jonot puolittuivat',
    });
    const after = await thisYear();
    expect({
      submitted: after.submitted - before.submitted,
      decided: after.decided - before.decided,
      started: after.started - before.started,
      adopted: after.adopted - before.adopted,
    }).toEqual({ submitted: 1, decided: 1, started: 1, adopted: 1 });
  });
});
