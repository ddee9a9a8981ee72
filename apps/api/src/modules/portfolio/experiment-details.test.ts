import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../platform/db/database.js';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { grantRole, personIdOf, submitIdea } from './test-support.js';

/** An experiment's team, metrics and budget; the year's experimenters against the target. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let owner: Client;
let resident: Client;
let ownerId: string;
let staffId: string;

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  owner = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  ownerId = await personIdOf(rt.db, 'tilat@tyrskyla.example');
  staffId = await personIdOf(rt.db, 'talous@tyrskyla.example');
  await grantRole(rt.db, 'admin@pyharanta.example', 'digital_team', 'pyharanta');
});
afterAll(() => rt.dispose());

async function runningExperiment() {
  const idea = await submitIdea(resident);
  const moved = await team.post(`portfolio/ideas/${idea.id}/stage`, {
    stage: 'experiment',
    reason: 'Kokeillaan',
    ownerId,
    timeboxDays: 21,
  });
  expect(moved.statusCode, moved.body).toBe(200);
  return idea.id;
}

const details = (over: Record<string, unknown> = {}) => ({
  experimenters: [
    { personId: staffId, name: '', department: 'Talous' },
    { personId: null, name: '  Kirjaston Kaisa ', department: 'Kulttuuri' },
  ],
  metrics: [
    { name: 'Verkkovaraukset', unit: '%', baseline: 10, target: 50, result: null },
    { name: 'Jonotusaika', unit: 'min', baseline: 12.5, target: 5, result: null },
  ],
  budgetGrantedCents: 150000,
  budgetSpentCents: 180050,
  ...over,
});

const count = async () => (await team.get('portfolio/experimenters/count')).json();

describe('experiment details', () => {
  it('the owner saves team, metrics and budget; everyone sees them; over budget shows', async () => {
    const ideaId = await runningExperiment();
    const before = await count();
    const saved = await owner.put(`portfolio/ideas/${ideaId}/experiment`, details());
    expect(saved.statusCode, saved.body).toBe(200);
    const view = (await resident.get(`portfolio/ideas/${ideaId}/experiment`)).json();
    expect(view.team).toEqual([
      { personId: staffId, name: expect.any(String), department: 'Talous' },
      { personId: null, name: 'Kirjaston Kaisa', department: 'Kulttuuri' },
    ]);
    expect(view.team[0].name).not.toBe('');
    expect(view.metrics[1]).toEqual({
      name: 'Jonotusaika',
      unit: 'min',
      baseline: 12.5,
      target: 5,
      result: null,
    });
    expect(view).toMatchObject({
      budgetGrantedCents: 150000,
      budgetSpentCents: 180050,
      overBudget: true,
    });
    // Two new distinct people; the same two in a second experiment count once.
    expect((await count()).count).toBe(before.count + 2);
    const second = await runningExperiment();
    const again = details({
      experimenters: [{ personId: null, name: 'kirjaston kaisa', department: '' }],
    });
    expect((await team.put(`portfolio/ideas/${second}/experiment`, again)).statusCode).toBe(200);
    expect(await count()).toMatchObject({ count: before.count + 2, target: 50 });
    const audits = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', `idea:${ideaId}`)
        .where('action', '=', 'portfolio.experiment.update')
        .execute(),
    );
    expect(audits).toHaveLength(1);
  });

  it('others cannot edit; bad input is a translated 4xx that writes nothing', async () => {
    const ideaId = await runningExperiment();
    expect((await owner.put(`portfolio/ideas/${ideaId}/experiment`, details())).statusCode).toBe(
      200,
    );
    expect((await resident.put(`portfolio/ideas/${ideaId}/experiment`, details())).statusCode).toBe(
      403,
    );
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await other.put(`portfolio/ideas/${ideaId}/experiment`, details())).statusCode).toBe(
      404,
    );
    expect((await resident.get('portfolio/experimenters/count')).statusCode).toBe(403);
    const blank = await owner.put(
      `portfolio/ideas/${ideaId}/experiment`,
      details({ experimenters: [{ personId: null, name: '  ', department: 'X' }], metrics: [] }),
    );
    expect(blank.statusCode).toBe(422);
    expect(blank.json().title).toBe('Tieto puuttuu');
    const stranger = await owner.put(
      `portfolio/ideas/${ideaId}/experiment`,
      details({
        experimenters: [
          { personId: '00000000-0000-4000-8000-000000000000', name: '', department: '' },
        ],
      }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().title).toBe('Kokeilijaa ei löydy');
    const negative = await owner.put(
      `portfolio/ideas/${ideaId}/experiment`,
      details({ budgetSpentCents: -1 }),
    );
    expect(negative.statusCode).toBe(400);
    const view = (await owner.get(`portfolio/ideas/${ideaId}/experiment`)).json();
    expect(view.team).toHaveLength(2);
    expect(view.metrics).toHaveLength(2);
  });

  it('adopted needs a measured result on every metric', async () => {
    const ideaId = await runningExperiment();
    await owner.put(`portfolio/ideas/${ideaId}/experiment`, details());
    const move = () =>
      team.post(`portfolio/ideas/${ideaId}/stage`, {
        stage: 'adopted',
        reason: 'Otetaan käyttöön',
        goal: 'Puolet varauksista verkossa',
      });
    const blocked = await move();
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().detail).toBe('Puuttuu: mitatut tulokset.');
    const measured = details({
      metrics: [
        { name: 'Verkkovaraukset', unit: '%', baseline: 10, target: 50, result: 55 },
        { name: 'Jonotusaika', unit: 'min', baseline: 12.5, target: 5, result: 0 },
      ],
    });
    expect((await owner.put(`portfolio/ideas/${ideaId}/experiment`, measured)).statusCode).toBe(
      200,
    );
    const adopted = await move();
    expect(adopted.statusCode, adopted.body).toBe(200);
  });
});

describe('demo', () => {
  it('the demo experiments have teams, metrics and one over budget', async () => {
    const overdue = (await team.get('portfolio/overdue')).json().items as {
      team: unknown[];
      metrics: unknown[];
    }[];
    expect(overdue.length).toBeGreaterThan(0);
    for (const e of overdue) {
      expect(e.team.length).toBeGreaterThan(0);
      expect(e.metrics.length).toBeGreaterThan(0);
    }
  });
});
