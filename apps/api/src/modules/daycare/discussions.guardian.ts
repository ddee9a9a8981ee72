import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { childrenOf } from '../../platform/family/children.js';
import { clock, localToday } from './days.js';
import { brokenConstraint, slotsOf } from './discussions.repo.js';
import { dayFormat, scheduleReminder } from './discussions.notify.js';

/**
 * Discussion times for guardians: the surveys concerning their children, booking one slot per
 * child (a new booking for a child replaces the old one), cancelling, all until the survey's
 * booking deadline. The database's unique indexes decide between simultaneous bookings.
 */

/** The surveys concerning the guardian's children that are still ahead or booked. */
export async function listMyDiscussions(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const children = await childrenOf(tx, actor.personId);
    const childIds = children.map((c) => c.id);
    if (childIds.length === 0) return { today: localToday(), items: [] };
    const concerned = await tx
      .selectFrom('discussion_survey_children as sc')
      .innerJoin('discussion_surveys as s', 's.id', 'sc.survey_id')
      .innerJoin('daycare_units as u', 'u.id', 's.unit_id')
      .innerJoin('daycare_groups as g', 'g.id', 's.group_id')
      .select([
        's.id',
        's.title',
        's.description',
        sql<string>`s.booking_deadline::text`.as('booking_deadline'),
        'u.name as unit_name',
        'g.name as group_name',
        'sc.child_id',
      ])
      .where('sc.child_id', 'in', childIds)
      .where('s.cancelled_at', 'is', null)
      .orderBy('s.created_at', 'desc')
      .execute();
    const surveyIds = [...new Set(concerned.map((r) => r.id))];
    const slots = await slotsOf(tx, surveyIds);
    const now = clock.now().getTime();
    const today = localToday();
    const items = surveyIds
      .map((id) => {
        const rows = concerned.filter((r) => r.id === id);
        const survey = rows[0]!;
        const mine = slots.filter((s) => s.survey_id === id);
        const open = survey.booking_deadline >= today;
        return {
          id,
          title: survey.title,
          description: survey.description,
          bookingDeadline: survey.booking_deadline,
          open,
          unitName: survey.unit_name,
          groupName: survey.group_name,
          children: rows.map((r) => {
            const child = children.find((c) => c.id === r.child_id)!;
            const slot = mine.find((s) => s.child_id === r.child_id);
            return {
              id: child.id,
              firstName: child.first_name,
              booking: slot
                ? {
                    id: slot.booking_id!,
                    slotId: slot.id,
                    startsAt: slot.starts_at.toISOString(),
                    endsAt: slot.ends_at.toISOString(),
                    staffName: slot.staff_name,
                    place: slot.place,
                  }
                : null,
            };
          }),
          // Free future slots; other families' bookings show only as taken (no names).
          freeSlots: open
            ? mine
                .filter((s) => s.booking_id === null && s.starts_at.getTime() > now)
                .map((s) => ({
                  id: s.id,
                  startsAt: s.starts_at.toISOString(),
                  endsAt: s.ends_at.toISOString(),
                  staffName: s.staff_name,
                  place: s.place,
                }))
            : [],
        };
      })
      // A closed survey stays in view only while one of the children has a time ahead.
      .filter(
        (s) => s.open || s.children.some((c) => c.booking && Date.parse(c.booking.endsAt) > now),
      );
    await audit(tx, ctx, 'daycare.discussion.listMine', `person:${actor.personId}`, {
      surveys: items.map((s) => s.id),
    });
    return { today, items };
  });
}

/** Book a slot for a child (replacing the child's earlier booking in the survey). */
export async function bookDiscussionSlot(ctx: Ctx, slotId: string, childId: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const [child] = await childrenOf(tx, actor.personId, [childId]);
      const slot = await tx
        .selectFrom('discussion_slots as sl')
        .innerJoin('discussion_surveys as s', 's.id', 'sl.survey_id')
        .innerJoin('discussion_survey_children as sc', (join) =>
          join.onRef('sc.survey_id', '=', 's.id').on('sc.child_id', '=', childId),
        )
        .select([
          'sl.id',
          'sl.survey_id',
          'sl.starts_at',
          sql<string>`s.booking_deadline::text`.as('booking_deadline'),
        ])
        .where('sl.id', '=', slotId)
        .where('sl.cancelled_at', 'is', null)
        .where('s.cancelled_at', 'is', null)
        .executeTakeFirst();
      // Neither another family's child nor a survey that does not concern the child exists.
      if (!child || !slot) throw notFound();
      if (slot.booking_deadline < localToday()) {
        throw new AppError(422, 'discussionDeadline', {
          deadline: dayFormat(ctx.language, slot.booking_deadline),
        });
      }
      if (slot.starts_at.getTime() <= clock.now().getTime()) {
        throw new AppError(422, 'discussionSlotPast');
      }
      const earlier = await tx
        .updateTable('discussion_bookings')
        .set({ cancelled_at: sql`now()`, cancelled_by: actor.personId })
        .where('survey_id', '=', slot.survey_id)
        .where('child_id', '=', childId)
        .where('cancelled_at', 'is', null)
        .returning(['id', 'slot_id'])
        .execute();
      const booking = await tx
        .insertInto('discussion_bookings')
        .values({
          municipality_id: ctx.municipality.id,
          survey_id: slot.survey_id,
          slot_id: slotId,
          child_id: childId,
          booked_by: actor.personId,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await scheduleReminder(tx, ctx.municipality.id, booking.id, slot.starts_at);
      await audit(tx, ctx, 'daycare.discussion.book', `child:${childId}`, {
        survey: slot.survey_id,
        slot: slotId,
        booking: booking.id,
        replaced: earlier.map((e) => e.id),
      });
      return { id: booking.id, slotId, childId };
    });
  } catch (error) {
    const constraint = brokenConstraint(error);
    if (constraint === 'discussion_bookings_slot') throw new AppError(409, 'discussionSlotTaken');
    if (constraint === 'discussion_bookings_child') {
      throw new AppError(409, 'discussionChildBooked');
    }
    throw error;
  }
}

/** Cancel a booking of the guardian's child, until the deadline. */
export async function cancelDiscussionBooking(ctx: Ctx, bookingId: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await tx
      .selectFrom('discussion_bookings as b')
      .innerJoin('guardianships as g', 'g.child_id', 'b.child_id')
      .innerJoin('discussion_surveys as s', 's.id', 'b.survey_id')
      .select(['b.id', 'b.child_id', sql<string>`s.booking_deadline::text`.as('deadline')])
      .where('b.id', '=', bookingId)
      .where('g.person_id', '=', actor.personId)
      .where('b.cancelled_at', 'is', null)
      .forUpdate('b')
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.deadline < localToday()) {
      throw new AppError(422, 'discussionDeadline', {
        deadline: dayFormat(ctx.language, row.deadline),
      });
    }
    await tx
      .updateTable('discussion_bookings')
      .set({ cancelled_at: sql`now()`, cancelled_by: actor.personId })
      .where('id', '=', bookingId)
      .execute();
    await audit(tx, ctx, 'daycare.discussion.cancel', `child:${row.child_id}`, { bookingId });
  });
}
