import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { REMINDER } from './reminders.js';
import { notificationTitles, personIdOf, submitIdea } from './test-support.js';
import { clock } from './timebox.js';

/** Reminders of the clocks, with a controllable clock: owner first, then the team. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let owner: Client;
let resident: Client;

const at = (iso: string) => {
  const instant = new Date(iso);
  clock.now = () => instant;
};

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  owner = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
});
afterEach(() => {
  clock.now = () => new Date();
});
afterAll(() => rt.dispose());

async function remindersOf(ideaId: string) {
  return asSystem(rt.db, (tx) =>
    tx
      .selectFrom('jobs')
      .select(['id', 'payload', 'run_at', 'municipality_id'])
      .where('kind', '=', REMINDER)
      .orderBy('run_at')
      .execute(),
  ).then((rows) =>
    rows
      .map((r) => ({
        ...r,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as {
          ideaId: string;
          kind: string;
          dueDate: string;
        },
      }))
      .filter((r) => r.payload.ideaId === ideaId),
  );
}

type Reminder = Awaited<ReturnType<typeof remindersOf>>[number];
const run = (job: Reminder) =>
  rt.jobHandlers[REMINDER]!({
    id: Number(job.id),
    kind: REMINDER,
    payload: job.payload,
    municipality_id: job.municipality_id,
    attempts: 1,
    max_attempts: 5,
  });

describe('experiment reminders', () => {
  it('remind the owner before each deadline and escalate to the team when one passes', async () => {
    const title = `Muistutettava kokeilu ${Date.now()}`;
    const idea = await submitIdea(resident, { title });
    at('2026-11-02T10:00:00+02:00');
    const round = (
      await team.post('portfolio/rounds', {
        title: 'K',
        meetingDate: '2026-11-02',
        ideaIds: [idea.id],
      })
    ).json();
    const decided = await team.post(`portfolio/rounds/${round.id}/ideas/${idea.id}/decision`, {
      decision: 'go',
      reason: 'Kokeillaan',
      ownerId: await personIdOf(rt.db, 'tilat@tyrskyla.example'),
      timeboxDays: 21,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const jobs = await remindersOf(idea.id);
    expect(jobs.map((j) => [j.payload.kind, new Date(j.run_at).toISOString()])).toEqual([
      ['declare', '2026-11-03T04:00:00.000Z'],
      ['declareLate', '2026-11-03T08:01:00.000Z'],
      ['due', '2026-11-20T07:00:00.000Z'],
      ['overdue', '2026-11-24T07:00:00.000Z'],
    ]);
    const job = (kind: string) => jobs.find((j) => j.payload.kind === kind)!;
    const count = async (client: Client, prefix: string) =>
      (await notificationTitles(client)).filter((t) => t.startsWith(prefix) && t.endsWith(title))
        .length;

    at('2026-11-03T06:00:00+02:00');
    await run(job('declare'));
    expect(await count(owner, 'Julista kokeilu')).toBe(1);
    expect(await count(team, 'Julista kokeilu')).toBe(0);

    at('2026-11-03T10:02:00+02:00');
    await run(job('declareLate'));
    expect(await count(owner, 'Kokeilua ei julistettu ajoissa')).toBe(1);
    expect(await count(team, 'Kokeilua ei julistettu ajoissa')).toBe(1);
    // Declared now: a repeated run (a retry) says nothing more.
    await owner.post(`portfolio/ideas/${idea.id}/experiment/declare`, { declaration: 'Nyt!' });
    await run(job('declareLate'));
    expect(await count(team, 'Kokeilua ei julistettu ajoissa')).toBe(1);

    at('2026-11-20T09:00:00+02:00');
    await run(job('due'));
    expect(await count(owner, 'Kokeilun aikaraja lähestyy')).toBe(1);

    // Extended by a week: the old overdue reminder stays silent, the new one speaks.
    await team.post(`portfolio/ideas/${idea.id}/experiment/extend`, {
      days: 7,
      reason: 'Sairausloma',
    });
    at('2026-11-24T09:00:00+02:00');
    await run(job('overdue'));
    expect(await count(team, 'Kokeilu on myöhässä')).toBe(0);
    const after = await remindersOf(idea.id);
    const newOverdue = after.find(
      (j) => j.payload.kind === 'overdue' && j.payload.dueDate === '2026-11-30',
    )!;
    expect(new Date(newOverdue.run_at).toISOString()).toBe('2026-12-01T07:00:00.000Z');
    at('2026-12-01T09:00:00+02:00');
    await run(newOverdue);
    expect(await count(team, 'Kokeilu on myöhässä')).toBe(1);
    expect(await count(owner, 'Kokeilu on myöhässä')).toBe(1);
    expect(await count(resident, 'Kokeilu on myöhässä')).toBe(0);
  });
});
