import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

/**
 * "Copy to our municipality": Pyhäranta's staff turn Tyrskylä's published case into an idea
 * in Pyhäranta's own pipeline, linked to the original; once per municipality; never a draft,
 * never one's own case.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let pyharanta: Client;
let team: Client;
let sauna: string;
let draft: string;

beforeAll(async () => {
  rt = await startRuntime();
  pyharanta = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  const items = (await team.get('cases')).json().items as {
    id: string;
    title: string;
    status: string;
  }[];
  sauna = items.find((c) => c.title.startsWith('Rantasaunan'))!.id;
  draft = items.find((c) => c.status === 'draft')!.id;
});
afterAll(() => rt.dispose());

describe('copyCase', () => {
  it("creates an idea in the copier's pipeline, linked to the original case", async () => {
    const session = (await pyharanta.get('/api/cases/session')).json();
    expect(session).toMatchObject({ signedIn: true, staffOf: [{ slug: 'pyharanta' }] });
    expect((await new Client(rt.app).get('/api/cases/session')).json().staffOf).toEqual([]);
    const copied = await pyharanta.post(`cases/${sauna}/copy`);
    expect(copied.statusCode, copied.body).toBe(201);
    const { ideaId } = copied.json() as { ideaId: string };
    expect(copied.json().case).toMatchObject({ copies: 1, copiedByUs: ideaId });

    const idea = await pyharanta.get(`portfolio/ideas/${ideaId}`);
    expect(idea.statusCode, idea.body).toBe(200);
    expect(idea.json()).toMatchObject({
      title: 'Rantasaunan omatoimivaraus PIN-koodilla',
      stage: 'idea',
      themes: ['liikunta ja vapaa-aika', 'omatoimitilat'],
    });
    expect(idea.json().proposal).toContain(`/cases/${sauna}`);
    // The idea is Pyhäranta's: Tyrskylä does not see it.
    expect((await team.get(`portfolio/ideas/${ideaId}`)).statusCode).toBe(404);

    const link = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('portfolio_case_copies as k')
        .innerJoin('portfolio_ideas as i', 'i.id', 'k.idea_id')
        .innerJoin('municipalities as m', 'm.id', 'k.municipality_id')
        .select(['k.case_id', 'm.slug', 'i.municipality_id', 'k.municipality_id as copier'])
        .execute(),
    );
    expect(link).toHaveLength(1);
    expect(link[0]).toMatchObject({ case_id: sauna, slug: 'pyharanta' });
    expect(link[0]!.municipality_id).toBe(link[0]!.copier);
    // The public card tells how many municipalities copied it.
    expect((await new Client(rt.app).get(`/api/cases/${sauna}`)).json().copies).toBe(1);
    expect((await pyharanta.get(`cases/${sauna}`)).json().copiedByUs).toBe(ideaId);

    const audit = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select(['details'])
        .where('action', '=', 'portfolio.case.copy')
        .execute(),
    );
    expect(audit).toHaveLength(1);
  });

  it('copies once per municipality, never a draft nor the own case, and only for staff', async () => {
    const ideasBefore = await asSystem(rt.db, (tx) =>
      tx.selectFrom('portfolio_ideas').select('id').execute(),
    );
    const again = await pyharanta.post(`cases/${sauna}/copy`);
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toBe('Tapaus on jo kopioitu');
    expect((await pyharanta.post(`cases/${draft}/copy`)).statusCode).toBe(404);
    expect((await team.post(`cases/${sauna}/copy`)).statusCode).toBe(409);
    const resident = await loggedIn(rt.app, 'asukas@pyharanta.example', 'pyharanta');
    const [kotihoito] = (await resident.get('/api/cases?q=kotihoi')).json().items;
    expect((await resident.post(`cases/${kotihoito.id as string}/copy`)).statusCode).toBe(403);
    const ideasAfter = await asSystem(rt.db, (tx) =>
      tx.selectFrom('portfolio_ideas').select('id').execute(),
    );
    expect(ideasAfter).toHaveLength(ideasBefore.length);
  });

  it("links a case card only to the municipality's own idea", async () => {
    const [theirs] = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('portfolio_ideas as i')
        .innerJoin('municipalities as m', 'm.id', 'i.municipality_id')
        .select('i.id')
        .where('m.slug', '=', 'pyharanta')
        .execute(),
    );
    const created = await team.post('cases', {
      title: 'Lainattu idea',
      problem: '',
      tried: '',
      durationDays: null,
      costCents: null,
      metrics: [],
      outcome: null,
      lessons: '',
      contactName: '',
      contactEmail: '',
      themes: [],
      ideaId: theirs!.id,
    });
    expect(created.statusCode).toBe(422);
    expect(created.json().title).toBe('Ideaa ei löydy');
  });
});
