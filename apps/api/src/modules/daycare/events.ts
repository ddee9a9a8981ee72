import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { memberUnitIds } from './daycare.repo.js';
import { addDays, dayCount, hhmm, localToday, minutesOf } from './days.js';
import { membershipsIn } from './discussions.repo.js';
import './discussions.db.js';

/**
 * Daycare events: a trip, a parents' evening, a closed day. Staff of a unit publish them for
 * the whole unit (a member of the whole unit) or for a group (its staff); the guardians of the
 * children placed there see them in their calendar and calendar feed.
 */

export interface EventInput {
  unitId: string;
  groupId: string | null;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
}

export const EVENT_COLUMNS = [
  'e.id',
  'e.unit_id',
  'e.group_id',
  'e.title',
  'e.description',
  sql<string>`e.start_date::text`.as('start_date'),
  sql<string>`e.end_date::text`.as('end_date'),
  'e.start_time',
  'e.end_time',
  'e.created_at',
] as const;

export const eventView = (e: {
  id: string;
  title: string;
  description: string;
  start_date: string;
  end_date: string;
  start_time: string | null;
  end_time: string | null;
}) => ({
  id: e.id,
  title: e.title,
  description: e.description,
  startDate: e.start_date,
  endDate: e.end_date,
  startTime: e.start_time && hhmm(e.start_time),
  endTime: e.end_time && hhmm(e.end_time),
});

export async function createEvent(ctx: Ctx, input: EventInput) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  if (input.endDate < input.startDate || dayCount(input.startDate, input.endDate) > 366) {
    throw new AppError(422, 'eventDates');
  }
  if ((input.startTime === null) !== (input.endTime === null))
    throw new AppError(422, 'eventTimes');
  if (
    input.startTime &&
    input.endTime &&
    input.startDate === input.endDate &&
    minutesOf(input.endTime) <= minutesOf(input.startTime)
  ) {
    throw new AppError(422, 'eventTimes');
  }
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const memberships = await membershipsIn(tx, actor.personId, input.unitId);
    const allowed = input.groupId
      ? memberships.some((g) => g === null || g === input.groupId)
      : memberships.includes(null);
    if (!allowed) throw notFound();
    if (input.startDate < localToday()) throw new AppError(422, 'eventPast');
    const event = await tx
      .insertInto('daycare_events')
      .values({
        municipality_id: ctx.municipality.id,
        unit_id: input.unitId,
        group_id: input.groupId,
        title: input.title.trim(),
        description: input.description.trim(),
        start_date: input.startDate,
        end_date: input.endDate,
        start_time: input.startTime,
        end_time: input.endTime,
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'daycare.event.create', `daycareEvent:${event.id}`, {
      unit: input.unitId,
      group: input.groupId,
    });
    return { id: event.id };
  });
}

/** The events of the staff member's units from a month back on. */
export async function listStaffEvents(ctx: Ctx) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unitIds = await memberUnitIds(tx, actor.personId);
    if (unitIds.length === 0) return [];
    const rows = await tx
      .selectFrom('daycare_events as e')
      .innerJoin('daycare_units as u', 'u.id', 'e.unit_id')
      .leftJoin('daycare_groups as g', 'g.id', 'e.group_id')
      .select([...EVENT_COLUMNS, 'u.name as unit_name', 'g.name as group_name'])
      .where('e.unit_id', 'in', unitIds)
      .where('e.cancelled_at', 'is', null)
      .where('e.end_date', '>=', addDays(localToday(), -30))
      .orderBy('e.start_date')
      .limit(500)
      .execute();
    return rows.map((e) => ({ ...eventView(e), unitName: e.unit_name, groupName: e.group_name }));
  });
}

export async function cancelEvent(ctx: Ctx, eventId: string) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const event = await tx
      .selectFrom('daycare_events')
      .select(['id', 'unit_id', 'group_id'])
      .where('id', '=', eventId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    const memberships = event ? await membershipsIn(tx, actor.personId, event.unit_id) : [];
    if (!event || !memberships.some((g) => g === null || g === event.group_id)) throw notFound();
    await tx
      .updateTable('daycare_events')
      .set({ cancelled_at: sql`now()` })
      .where('id', '=', eventId)
      .execute();
    await audit(tx, ctx, 'daycare.event.cancel', `daycareEvent:${eventId}`);
  });
}
