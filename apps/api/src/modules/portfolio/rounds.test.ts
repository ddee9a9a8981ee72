import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { combinedScore } from './scoring.js';
import { grantRole, ideaOf, personIdOf, submitIdea } from './test-support.js';

/** Decision rounds: weighted scores of several members, decisions that move ideas, minutes. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let member: Client;
let admin: Client;
let resident: Client;
let owner: string;

interface Round {
  id: string;
  closed: boolean;
  criteria: { id: string; key: string; weight: number }[];
  items: {
    idea: { id: string; stage: string };
    decision: string | null;
    combinedScore: number | null;
    scorers: number;
    averages: { criterionId: string; average: number | null }[];
    myScores: { criterionId: string; score: number }[];
  }[];
}

beforeAll(async () => {
  rt = await startRuntime();
  // A second member of the digital team.
  await grantRole(rt.db, 'tilat@tyrskyla.example', 'digital_team');
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  member = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  owner = await personIdOf(rt.db, 'tilat@tyrskyla.example');
});
afterAll(() => rt.dispose());

async function newRound(ideaIds: string[], extra: Record<string, unknown> = {}) {
  const response = await team.post('portfolio/rounds', {
    title: 'Marraskuun kierros',
    meetingDate: '2026-11-30',
    ideaIds,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Round;
}

const scores = (round: Round, values: number[]) => ({
  scores: round.criteria.map((c, i) => ({ criterionId: c.id, score: values[i] })),
});

describe('weighted scoring', () => {
  it('combines the members’ averages with the weights', () => {
    const criteria = [
      { id: 'a', weight: 40 },
      { id: 'b', weight: 20 },
      { id: 'c', weight: 20 },
      { id: 'd', weight: 20 },
    ];
    expect(combinedScore(criteria, new Map())).toBeNull();
    expect(
      combinedScore(
        criteria,
        new Map([
          ['a', 4],
          ['b', 2],
          ['c', 2],
          ['d', 2],
        ]),
      ),
    ).toBe(2.8);
    // An unscored criterion does not pull the figure down.
    expect(
      combinedScore(
        criteria,
        new Map([
          ['a', 5],
          ['b', 2],
        ]),
      ),
    ).toBe(4);
  });

  it('each member scores each idea; the round shows the weighted combination', async () => {
    const a = await submitIdea(resident);
    const b = await submitIdea(resident);
    const round = await newRound([a.id, b.id]);
    expect(round.criteria.map((c) => [c.key, c.weight])).toEqual([
      ['benefit', 40],
      ['effort', 20],
      ['cost', 20],
      ['strategy', 20],
    ]);
    await team.put(
      `portfolio/rounds/${round.id}/ideas/${a.id}/scores`,
      scores(round, [5, 1, 1, 1]),
    );
    const after = await member.put(
      `portfolio/rounds/${round.id}/ideas/${a.id}/scores`,
      scores(round, [3, 3, 3, 3]),
    );
    expect(after.statusCode, after.body).toBe(200);
    const item = (after.json() as Round).items.find((i) => i.idea.id === a.id)!;
    // Averages 4, 2, 2, 2 → (40·4 + 20·2 + 20·2 + 20·2) / 100 = 2.8.
    expect(item.combinedScore).toBe(2.8);
    expect(item.scorers).toBe(2);
    expect(item.averages.map((x) => x.average)).toEqual([4, 2, 2, 2]);
    expect(item.myScores.map((s) => s.score)).toEqual([3, 3, 3, 3]);
    // Scoring again replaces the member's own scores.
    const again = await team.put(
      `portfolio/rounds/${round.id}/ideas/${a.id}/scores`,
      scores(round, [5, 5, 5, 5]),
    );
    expect((again.json() as Round).items.find((i) => i.idea.id === a.id)!.combinedScore).toBe(4);
    expect((again.json() as Round).items.find((i) => i.idea.id === b.id)!.combinedScore).toBeNull();
  });

  it('a round can carry its own weights; later default changes never rewrite it', async () => {
    const idea = await submitIdea(resident);
    const round = await newRound([idea.id], {
      criteria: [
        { key: 'benefit', name: { fi: 'Hyöty', sv: 'Nytta', en: 'Benefit' }, weight: 3 },
        { key: 'cost', name: { fi: 'Hinta', sv: 'Pris', en: 'Price' }, weight: 1 },
      ],
    });
    const scored = await team.put(
      `portfolio/rounds/${round.id}/ideas/${idea.id}/scores`,
      scores(round, [5, 1]),
    );
    expect((scored.json() as Round).items[0]!.combinedScore).toBe(4);
    const changed = await team.put('portfolio/criteria', {
      criteria: [{ key: 'benefit', name: { fi: 'H', sv: 'N', en: 'B' }, weight: 100 }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const reread = (await team.get(`portfolio/rounds/${round.id}`)).json() as Round;
    expect(reread.criteria.map((c) => c.weight)).toEqual([3, 1]);
    expect(reread.items[0]!.combinedScore).toBe(4);
    const fresh = await newRound([idea.id]);
    expect(fresh.criteria.map((c) => c.key)).toEqual(['benefit']);
  });

  it('only digital team members score; only the team sees a round', async () => {
    const idea = await submitIdea(resident);
    const round = await newRound([idea.id]);
    const path = `portfolio/rounds/${round.id}/ideas/${idea.id}/scores`;
    expect((await resident.put(path, scores(round, [1, 1, 1, 1]))).statusCode).toBe(403);
    expect((await admin.put(path, scores(round, [1, 1, 1, 1]))).statusCode).toBe(403);
    expect((await resident.get(`portfolio/rounds/${round.id}`)).statusCode).toBe(403);
    expect(
      (
        await resident.post('portfolio/rounds', {
          title: 'x',
          meetingDate: '2026-12-01',
          ideaIds: [idea.id],
        })
      ).statusCode,
    ).toBe(403);
    const bad = await team.put(path, { scores: [{ criterionId: idea.id, score: 3 }] });
    expect(bad.statusCode).toBe(422);
    expect(
      (await team.put(path, { scores: [{ criterionId: round.criteria[0]!.id, score: 6 }] }))
        .statusCode,
    ).toBe(400);
  });
});

describe('decisions and minutes', () => {
  it('go needs an owner and a timebox, moves the idea and stays in its history', async () => {
    const go = await submitIdea(resident, { title: 'Mennään' });
    const wait = await submitIdea(resident, { title: 'Odotetaan' });
    const no = await submitIdea(resident, { title: 'Ei nyt' });
    const round = await newRound([go.id, wait.id, no.id]);
    const decide = (ideaId: string, body: Record<string, unknown>) =>
      team.post(`portfolio/rounds/${round.id}/ideas/${ideaId}/decision`, body);
    const missing = await decide(go.id, { decision: 'go', reason: 'Hyvä' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toBe('Puuttuu: vastuuhenkilö, aikaraja (21 tai 105 päivää).');
    expect((await ideaOf(team, go.id)).history.map((h) => h.kind)).toEqual(['submitted']);
    const ok = await decide(go.id, {
      decision: 'go',
      reason: 'Hyvä',
      ownerId: owner,
      timeboxDays: 105,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    await decide(wait.id, { decision: 'wait', reason: 'Keväällä' });
    expect((await resident.post(`portfolio/rounds/${round.id}/close`)).statusCode).toBe(403);
    const early = await team.post(`portfolio/rounds/${round.id}/close`);
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toBe('Päättämättä: Ei nyt.');
    await decide(no.id, { decision: 'no', reason: 'Ei hyötyä' });

    const went = await ideaOf(resident, go.id);
    expect(went).toMatchObject({ stage: 'experiment', timeboxDays: 105 });
    expect(went.history.slice(1).map((h) => [h.kind, h.decision, h.toStage])).toEqual([
      ['decision', 'go', null],
      ['stage', null, 'experiment'],
    ]);
    expect((await ideaOf(resident, wait.id)).stage).toBe('shelved');
    expect((await ideaOf(resident, no.id)).stage).toBe('stopped');

    // Minutes: a draft for the team, public only once published.
    expect((await resident.get(`portfolio/rounds/${round.id}/minutes`)).statusCode).toBe(404);
    expect((await team.post(`portfolio/rounds/${round.id}/minutes/publish`)).statusCode).toBe(409);
    const closed = await team.post(`portfolio/rounds/${round.id}/close`);
    expect((closed.json() as Round).closed).toBe(true);
    expect((await decide(no.id, { decision: 'go', reason: 'x' })).statusCode).toBe(409);
    const published = await team.post(`portfolio/rounds/${round.id}/minutes/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const text = await new Client(rt.app).get(`portfolio/rounds/${round.id}/minutes.txt`);
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.body).toContain('Marraskuun kierros');
    expect(text.body).toContain('1. Mennään');
    expect(text.body).toContain('Päätös: toteutetaan nyt (kokeilu 105 päivää)');
    expect(text.body).toContain('Perustelu: Keväällä');
    const publicList = (await resident.get('portfolio/rounds')).json().items;
    expect(publicList.map((r: { id: string }) => r.id)).toContain(round.id);
  });
});
