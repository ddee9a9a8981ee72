import { expect } from 'vitest';
import type { Client } from '../../../test/helpers.js';
import type { Database } from '../../platform/db/database.js';
import { asSystem } from '../../platform/db/database.js';

/** Helpers of the portfolio tests. */

export interface Idea {
  id: string;
  title: string;
  stage: string;
  supportCount: number;
  hidden: boolean;
  hiddenReason: string | null;
  mergedInto: string | null;
  supportedByMe: boolean;
  followedByMe: boolean;
  problem: string;
  proposal: string;
  comments: { id: string; body: string; hidden: boolean }[];
  history: {
    kind: string;
    fromStage: string | null;
    toStage: string | null;
    reason: string;
    decision: string | null;
  }[];
  owner: { id: string; name: string } | null;
  timeboxDays: number | null;
}

let counter = 0;

/** Submit an idea as `client`; the title is unique so lists can find it. */
export async function submitIdea(client: Client, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await client.post('portfolio/ideas', {
    title: `Testi-idea ${counter} ${Date.now()}`,
    problem: 'Asiat ovat hankalia.',
    proposal: 'Tehdään ne helpoiksi.',
    themes: ['testi'],
    departments: ['Hallinto'],
    targetGroups: ['asukkaat'],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Idea;
}

/**
 * An idea put on a round's agenda by the digital team and decided "go": its experiment starts
 * (clocks from the decision) with this owner and timebox. Returns the round's id.
 */
export async function decideGo(
  team: Client,
  ideaId: string,
  ownerId: string,
  timeboxDays: 21 | 105 = 21,
): Promise<string> {
  const round = await team.post('portfolio/rounds', {
    title: 'Kierros',
    meetingDate: '2026-12-01',
    ideaIds: [ideaId],
  });
  expect(round.statusCode, round.body).toBe(201);
  const roundId = round.json().id as string;
  const decided = await team.post(`portfolio/rounds/${roundId}/ideas/${ideaId}/decision`, {
    decision: 'go',
    reason: 'Kokeillaan',
    ownerId,
    timeboxDays,
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return roundId;
}

export async function ideaOf(client: Client, ideaId: string) {
  const response = await client.get(`portfolio/ideas/${ideaId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Idea;
}

/** The id of a demo person by email. */
export async function personIdOf(db: Database, email: string) {
  const row = await asSystem(db, (tx) =>
    tx.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** Give a demo person a role in a municipality (a second digital team member, say). */
export async function grantRole(db: Database, email: string, role: string, slug = 'tyrskyla') {
  const personId = await personIdOf(db, email);
  await asSystem(db, async (tx) => {
    const m = await tx
      .selectFrom('municipalities')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('role_grants')
      .values({ municipality_id: m.id, person_id: personId, role })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}

/** Titles of a person's notifications, newest first. */
export async function notificationTitles(client: Client): Promise<string[]> {
  const response = await client.get('notifications');
  return (response.json().items as { title: string }[]).map((n) => n.title);
}
