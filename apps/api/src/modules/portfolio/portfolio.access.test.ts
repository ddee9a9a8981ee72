import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem, inTenant } from '../../platform/db/database.js';
import { grantRole, submitIdea, type Idea } from './test-support.js';

/**
 * Tenant isolation: Pyhäranta's people, even its digital team, never see or touch Tyrskylä's
 * ideas, hidden ones, rounds or scores; row-level security holds even for raw SQL.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let resident: Client;
let otherTeam: Client;
let otherResident: Client;

beforeAll(async () => {
  rt = await startRuntime();
  await grantRole(rt.db, 'admin@pyharanta.example', 'digital_team', 'pyharanta');
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  otherTeam = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
  otherResident = await loggedIn(rt.app, 'asukas@pyharanta.example', 'pyharanta');
});
afterAll(() => rt.dispose());

describe('tenant isolation', () => {
  it("Pyhäranta cannot read Tyrskylä's ideas, hidden ones or rounds", async () => {
    const idea = await submitIdea(resident, { title: 'Tyrskylän sisäinen idea' });
    const round = (
      await team.post('portfolio/rounds', {
        title: 'Sisäinen kierros',
        meetingDate: '2026-12-01',
        ideaIds: [idea.id],
      })
    ).json();
    expect(round.id).toBeDefined();
    await team.post(`portfolio/ideas/${idea.id}/hide`, { reason: 'Kaksoiskappale' });
    for (const client of [otherTeam, otherResident]) {
      const list = (await client.get('portfolio/ideas?includeHidden=true')).json().items as Idea[];
      expect(list.map((i) => i.title)).toEqual([
        '24 tunnin julistus: mitä teet Pyhärannan hyväksi?',
      ]);
      expect((await client.get(`portfolio/ideas/${idea.id}`)).statusCode).toBe(404);
      expect((await client.put(`portfolio/ideas/${idea.id}/support`)).statusCode).toBe(404);
      expect(
        (await client.post(`portfolio/ideas/${idea.id}/comments`, { body: 'Hei' })).statusCode,
      ).toBe(404);
      expect((await client.get(`portfolio/rounds/${round.id}/minutes`)).statusCode).toBe(404);
    }
    expect((await otherTeam.get(`portfolio/rounds/${round.id}`)).statusCode).toBe(404);
    expect((await otherTeam.get('portfolio/rounds')).json().items).toEqual([]);
    const hide = await otherTeam.post(`portfolio/ideas/${idea.id}/hide`, { reason: 'x' });
    expect(hide.statusCode).toBe(404);
    const merge = await otherTeam.post(`portfolio/ideas/${idea.id}/merge`, {
      duplicateIds: [idea.id],
    });
    expect([404, 422]).toContain(merge.statusCode);
    // Pyhäranta's team cannot put Tyrskylä's idea on its agenda.
    const agenda = await otherTeam.post('portfolio/rounds', {
      title: 'Vieras',
      meetingDate: '2026-12-01',
      ideaIds: [idea.id],
    });
    expect(agenda.statusCode).toBe(404);
  });

  it('the Pyhäranta team has no powers through the Tyrskylä address', async () => {
    const idea = await submitIdea(resident);
    const viaTyrskyla = new Client(rt.app, 'tyrskyla');
    await viaTyrskyla.login('admin@pyharanta.example');
    const hide = await viaTyrskyla.post(`portfolio/ideas/${idea.id}/hide`, { reason: 'x' });
    expect([401, 403]).toContain(hide.statusCode);
  });

  it('row-level security confines the tables themselves', async () => {
    const ids = await asSystem(rt.db, (tx) =>
      tx.selectFrom('municipalities').select(['id', 'slug']).execute(),
    );
    const pyharanta = ids.find((m) => m.slug === 'pyharanta')!.id;
    const seen = await inTenant(rt.db, pyharanta, async (tx) => ({
      ideas: await tx.selectFrom('portfolio_ideas').select('municipality_id').execute(),
      rounds: await tx.selectFrom('portfolio_rounds').select('id').execute(),
      scores: await tx.selectFrom('portfolio_scores').select('round_id').execute(),
      events: await tx.selectFrom('portfolio_events').select('municipality_id').execute(),
    }));
    expect(seen.ideas.every((i) => i.municipality_id === pyharanta)).toBe(true);
    expect(seen.rounds).toEqual([]);
    expect(seen.scores).toEqual([]);
    expect(seen.events.every((e) => e.municipality_id === pyharanta)).toBe(true);
  });
});

describe('demo data', () => {
  it('Tyrskylä has ideas in every stage and a finished round with published minutes', async () => {
    const anonymous = new Client(rt.app);
    const ideas = (await anonymous.get('portfolio/ideas')).json().items as Idea[];
    expect(ideas.length).toBeGreaterThanOrEqual(12);
    const stages = new Set(ideas.map((i) => i.stage));
    for (const stage of [
      'idea',
      'screening',
      'experiment',
      'evaluation',
      'adopted',
      'shelved',
      'stopped',
    ]) {
      expect(stages).toContain(stage);
    }
    const rounds = (await anonymous.get('portfolio/rounds')).json().items;
    expect(rounds[0]).toMatchObject({
      closed: true,
      minutesPublished: true,
      itemCount: 5,
      decidedCount: 5,
    });
    const minutes = await anonymous.get(`portfolio/rounds/${rounds[0].id}/minutes`);
    expect(minutes.json().text).toContain('Päätös: toteutetaan nyt (kokeilu 21 päivää)');
  });
});
