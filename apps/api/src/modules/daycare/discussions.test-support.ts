import { expect } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, type Client } from '../../../test/helpers.js';
import { asSystem, type Database } from '../../platform/db/database.js';
import type { FastifyInstance } from 'fastify';

/** Helpers of the discussion-time tests. */

export interface StaffSurvey {
  id: string;
  title: string;
  staff: { id: string; name: string }[];
  slots: {
    id: string;
    startsAt: string;
    staff: { id: string };
    booking: { id: string; child: string } | null;
  }[];
  notBooked: { id: string; name: string }[];
}

export interface MyDiscussions {
  today: string;
  items: {
    id: string;
    title: string;
    open: boolean;
    children: { id: string; firstName: string; booking: { id: string; slotId: string } | null }[];
    freeSlots: { id: string; startsAt: string }[];
  }[];
}

/** The id of a group of the staff member's units, by the start of its name. */
export async function groupId(staff: Client, name: string): Promise<string> {
  const response = await staff.get('daycare/units');
  expect(response.statusCode, response.body).toBe(200);
  const units = response.json().items as { groups: { id: string; name: string }[] }[];
  return units.flatMap((u) => u.groups).find((g) => g.name.startsWith(name))!.id;
}

export async function staffPersonId(db: Database, email: string): Promise<string> {
  return asSystem(
    db,
    async (tx) =>
      (
        await tx
          .selectFrom('people')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id,
  );
}

/** Publish a survey; `times` are [day, start, end] in Helsinki time. */
export async function publish(
  staff: Client,
  body: {
    groupId: string;
    staffId: string;
    times: [string, string, string][];
    deadline: string;
    childIds?: string[];
    title?: string;
  },
): Promise<StaffSurvey> {
  const response = await staff.post('daycare/staff/discussions', {
    groupId: body.groupId,
    ...(body.childIds ? { childIds: body.childIds } : {}),
    title: body.title ?? 'VASU-keskustelut',
    description: 'Varhaiskasvatussuunnitelman keskustelu.',
    bookingDeadline: body.deadline,
    slots: body.times.map(([day, start, end]) => ({
      day,
      start,
      end,
      staffId: body.staffId,
      place: 'Neuvotteluhuone',
    })),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as StaffSurvey;
}

export async function mine(guardian: Client): Promise<MyDiscussions> {
  const response = await guardian.get('daycare/discussions');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MyDiscussions;
}

export const book = (guardian: Client, slotId: string, childId: string) =>
  guardian.post(`daycare/discussion-slots/${slotId}/bookings`, { childId });

/**
 * Let the demo guardians of a group's children sign in (the seeded families have no
 * password) and return each with one of their children in the group; only families whose
 * children are all in the group's unit.
 */
export async function groupGuardians(app: FastifyInstance, db: Database, groupId: string) {
  const rows = await asSystem(db, async (tx) => {
    await sql`update people set password_hash = (
        select password_hash from people where email = 'huoltaja@tyrskyla.example')
      where email like '%@perhe.example'`.execute(tx);
    return (
      await sql<{ email: string; child_id: string }>`
        select distinct on (pl.child_id) p.email, pl.child_id
        from daycare_placements pl
        join guardianships g on g.child_id = pl.child_id
        join people p on p.id = g.person_id
        where pl.group_id = ${groupId} and p.email like '%@perhe.example'
          and not exists (select 1 from guardianships g2
            join daycare_placements p2 on p2.child_id = g2.child_id
            where g2.person_id = p.id and p2.unit_id <> pl.unit_id)
        order by pl.child_id, p.email`.execute(tx)
    ).rows;
  });
  return Promise.all(
    rows.map(async (r) => ({ client: await loggedIn(app, r.email), childId: r.child_id })),
  );
}
