import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { grantRole, personIdOf, submitIdea, decideGo } from './test-support.js';
import { clock, clockState, startClocks } from './timebox.js';

/** The experiment clocks (seed 002): 24 h to declare, 21 or 105 days, extensions, overdue. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let owner: Client;
let resident: Client;
let ownerId: string;

interface Experiment {
  timeboxDays: number;
  decidedAt: string;
  declareBy: string;
  dueDate: string;
  daysLeft: number;
  overdue: boolean;
  declarationLate: boolean;
  declaredAt: string | null;
  extensions: { days: number; reason: string; by: string }[];
}

const at = (iso: string) => {
  const instant = new Date(iso);
  clock.now = () => instant;
};

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  owner = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  ownerId = await personIdOf(rt.db, 'tilat@tyrskyla.example');
  await grantRole(rt.db, 'admin@pyharanta.example', 'digital_team', 'pyharanta');
});
afterEach(() => {
  clock.now = () => new Date();
});
afterAll(() => rt.dispose());

/** An idea decided "go" in a round at the clock's time. */
async function decidedExperiment(timeboxDays: 21 | 105) {
  const idea = await submitIdea(resident);
  await decideGo(team, idea.id, ownerId, timeboxDays);
  return idea.id;
}

const experimentOf = async (client: Client, ideaId: string) => {
  const response = await client.get(`portfolio/ideas/${ideaId}/experiment`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Experiment;
};

const overdueIds = async () =>
  ((await team.get('portfolio/overdue')).json().items as { ideaId: string }[]).map((e) => e.ideaId);

describe('timebox computation', () => {
  it('counts Helsinki days, and 24 real hours to declare across the change to summer time', () => {
    // 23.30 in Helsinki on Saturday 28 March 2026; the clocks go forward that night.
    const decided = new Date('2026-03-28T23:30:00+02:00');
    expect(startClocks(decided, 21).dueDate).toBe('2026-04-18');
    expect(startClocks(decided, 105).dueDate).toBe('2026-07-11');
    expect(startClocks(decided, 21).declareBy.toISOString()).toBe('2026-03-29T21:30:00.000Z');
    const state = (now: string, declared: Date | null = null) =>
      clockState(
        {
          declare_by: startClocks(decided, 21).declareBy,
          declared_at: declared,
          due_date: '2026-04-18',
        },
        new Date(now),
      );
    expect(state('2026-03-30T00:29:00+03:00')).toMatchObject({
      daysLeft: 19,
      declarationLate: false,
    });
    expect(state('2026-03-30T00:31:00+03:00')).toMatchObject({ declarationLate: true });
    expect(state('2026-03-30T00:31:00+03:00', decided).declarationLate).toBe(false);
    expect(state('2026-04-18T23:59:00+03:00')).toMatchObject({ daysLeft: 0, overdue: false });
    expect(state('2026-04-19T00:01:00+03:00')).toMatchObject({ daysLeft: -1, overdue: true });
  });
});

describe('experiments', () => {
  it('a go decision starts the clocks; late declaration and due date show in the overdue view', async () => {
    at('2026-11-02T10:00:00+02:00');
    const ideaId = await decidedExperiment(21);
    const started = await experimentOf(resident, ideaId);
    expect(started).toMatchObject({
      timeboxDays: 21,
      decidedAt: '2026-11-02T08:00:00.000Z',
      declareBy: '2026-11-03T08:00:00.000Z',
      dueDate: '2026-11-23',
      daysLeft: 21,
      overdue: false,
      declarationLate: false,
    });
    expect(await overdueIds()).not.toContain(ideaId);

    at('2026-11-03T10:01:00+02:00');
    expect((await experimentOf(team, ideaId)).declarationLate).toBe(true);
    expect(await overdueIds()).toContain(ideaId);
    const stranger = await resident.post(`portfolio/ideas/${ideaId}/experiment/declare`, {
      declaration: 'Minä julistan',
    });
    expect(stranger.statusCode).toBe(403);
    const declared = await owner.post(`portfolio/ideas/${ideaId}/experiment/declare`, {
      declaration: 'Kokoustilat auki verkossa maanantaista!',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toMatchObject({ declarationLate: false });
    expect(
      (await owner.post(`portfolio/ideas/${ideaId}/experiment/declare`, { declaration: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(await overdueIds()).not.toContain(ideaId);

    at('2026-11-24T08:00:00+02:00');
    expect(await experimentOf(resident, ideaId)).toMatchObject({ daysLeft: -1, overdue: true });
    expect(await overdueIds()).toContain(ideaId);
  });

  it('the due date moves only with a reason, by the team, while the experiment runs', async () => {
    at('2026-11-02T10:00:00+02:00');
    const ideaId = await decidedExperiment(105);
    expect((await experimentOf(team, ideaId)).dueDate).toBe('2027-02-15');
    const path = `portfolio/ideas/${ideaId}/experiment/extend`;
    expect((await owner.post(path, { days: 7, reason: 'Lisäaikaa' })).statusCode).toBe(403);
    expect((await team.post(path, { days: 7, reason: '' })).statusCode).toBe(400);
    const blank = await team.post(path, { days: 7, reason: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().title).toBe('Kerro jatkon syy');
    expect((await team.post(path, { days: 0, reason: 'x' })).statusCode).toBe(400);
    const extended = await team.post(path, { days: 14, reason: 'Laitetoimitus viivästyi' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({
      dueDate: '2027-03-01',
      extensions: [{ days: 14, reason: 'Laitetoimitus viivästyi', by: 'Diana Digiryhmä' }],
    });
    // Out of the experiment stage the clock no longer runs and cannot be extended.
    await team.post(`portfolio/ideas/${ideaId}/stage`, {
      stage: 'evaluation',
      reason: '',
      goal: 'x',
    });
    expect((await team.post(path, { days: 7, reason: 'x' })).statusCode).toBe(409);
    at('2027-06-01T10:00:00+03:00');
    expect(await overdueIds()).not.toContain(ideaId);
  });

  it('only the team sees the overdue view; other municipalities see nothing', async () => {
    expect((await resident.get('portfolio/overdue')).statusCode).toBe(403);
    const ideaId = await decidedExperiment(21);
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await other.get(`portfolio/ideas/${ideaId}/experiment`)).statusCode).toBe(404);
    expect((await other.get('portfolio/overdue')).json().items).toEqual([]);
    expect(
      (await resident.get(`portfolio/ideas/00000000-0000-4000-8000-000000000000/experiment`))
        .statusCode,
    ).toBe(404);
  });

  it('the demo has a running experiment past its due date and one never declared', async () => {
    const items = (await team.get('portfolio/overdue')).json().items as (Experiment & {
      title: string;
    })[];
    const chat = items.find((e) => e.title === 'Chat-neuvonta kunnan verkkosivuille');
    expect(chat).toMatchObject({ overdue: true, declarationLate: false });
    expect(chat!.daysLeft).toBeLessThan(-7);
    const walk = items.find((e) => e.title === 'Hyvinvointikävely kunnanjohtajan kanssa');
    expect(walk).toMatchObject({ overdue: false, declarationLate: true, timeboxDays: 21 });
  });
});
