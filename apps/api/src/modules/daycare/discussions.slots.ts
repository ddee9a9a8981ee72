import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { clock, minutesOf } from './days.js';
import { brokenConstraint, localMoment, unitStaffMembers } from './discussions.repo.js';
import { tellGuardiansOfBooking } from './discussions.notify.js';
import { getStaffSurvey, staffSurvey } from './discussions.staff.js';

/** Time slots of a survey: add (one by one or generated), edit and cancel. */

export interface SlotInput {
  day: string;
  start: string;
  end: string;
  staffId: string;
  place: string;
}

export interface SlotSeries {
  day: string;
  from: string;
  to: string;
  minutes: number;
  breakMinutes: number;
  staffId: string;
  place: string;
}

export const MAX_SLOTS = 200;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A day's slots from `from` to `to`, each `minutes` long with a break between. */
export function seriesSlots(s: SlotSeries): SlotInput[] {
  const slots: SlotInput[] = [];
  const end = minutesOf(s.to);
  for (let t = minutesOf(s.from); t + s.minutes <= end; t += s.minutes + s.breakMinutes) {
    slots.push({
      day: s.day,
      start: hhmm(t),
      end: hhmm(t + s.minutes),
      staffId: s.staffId,
      place: s.place,
    });
  }
  if (slots.length === 0) throw new AppError(422, 'discussionSlotTimes');
  return slots;
}

function checkTimes(slots: SlotInput[]) {
  if (slots.length > MAX_SLOTS)
    throw new AppError(422, 'discussionTooManySlots', { max: MAX_SLOTS });
  if (slots.some((s) => minutesOf(s.end) <= minutesOf(s.start))) {
    throw new AppError(422, 'discussionSlotTimes');
  }
}

/** Translate the staff-overlap exclusion into a clear conflict (the whole write is undone). */
export async function noOverlap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (brokenConstraint(error) === 'discussion_slots_staff_overlap') {
      throw new AppError(409, 'discussionStaffOverlap');
    }
    throw error;
  }
}

/** Insert slots of a survey held by staff of its unit, in the future, not overlapping. */
export async function insertSlots(
  tx: Tx,
  ctx: AuthenticatedCtx,
  surveyId: string,
  unitId: string,
  slots: SlotInput[],
) {
  if (slots.length === 0) return [];
  checkTimes(slots);
  const staff = new Set((await unitStaffMembers(tx, unitId)).map((s) => s.id));
  if (slots.some((s) => !staff.has(s.staffId))) throw new AppError(422, 'discussionStaff');
  const rows = await tx
    .insertInto('discussion_slots')
    .values(
      slots.map((s) => ({
        municipality_id: ctx.municipality.id,
        survey_id: surveyId,
        starts_at: localMoment(s.day, s.start),
        ends_at: localMoment(s.day, s.end),
        staff_id: s.staffId,
        place: s.place.trim(),
      })),
    )
    .returning(['id', 'starts_at'])
    .execute();
  if (rows.some((r) => r.starts_at.getTime() <= clock.now().getTime())) {
    throw new AppError(422, 'discussionSlotPast');
  }
  return rows;
}

export async function addSlots(ctx: Ctx, surveyId: string, slots: SlotInput[]) {
  requireRole(ctx, 'daycare_staff');
  await noOverlap(() =>
    inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const survey = await staffSurvey(tx, ctx, surveyId);
      const rows = await insertSlots(tx, ctx, surveyId, survey.unit_id, slots);
      await audit(tx, ctx, 'daycare.discussion.slotsAdd', `discussion:${surveyId}`, {
        slots: rows.map((r) => r.id),
      });
    }),
  );
  return getStaffSurvey(ctx, surveyId);
}

/** A slot of a survey of the staff member's unit, locked, with its active booking. */
async function staffSlot(tx: Tx, ctx: AuthenticatedCtx, slotId: string) {
  const slot = await tx
    .selectFrom('discussion_slots')
    .select(['id', 'survey_id', 'starts_at', 'ends_at', 'place', 'staff_id'])
    .where('id', '=', slotId)
    .where('cancelled_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!slot) throw notFound();
  const survey = await staffSurvey(tx, ctx, slot.survey_id);
  const booking = await tx
    .selectFrom('discussion_bookings as b')
    .innerJoin('children as c', 'c.id', 'b.child_id')
    .select(['b.id', 'b.child_id', 'c.first_name'])
    .where('b.slot_id', '=', slotId)
    .where('b.cancelled_at', 'is', null)
    .executeTakeFirst();
  return { slot, survey, booking };
}

/** Change the time, holder or place of a slot nobody has booked. */
export async function updateSlot(ctx: Ctx, slotId: string, input: SlotInput) {
  requireRole(ctx, 'daycare_staff');
  const surveyId = await noOverlap(() =>
    inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const { slot, survey, booking } = await staffSlot(tx, ctx, slotId);
      if (booking) throw new AppError(409, 'discussionSlotBooked');
      checkTimes([input]);
      const staff = await unitStaffMembers(tx, survey.unit_id);
      if (!staff.some((s) => s.id === input.staffId)) throw new AppError(422, 'discussionStaff');
      const row = await tx
        .updateTable('discussion_slots')
        .set({
          starts_at: localMoment(input.day, input.start),
          ends_at: localMoment(input.day, input.end),
          staff_id: input.staffId,
          place: input.place.trim(),
        })
        .where('id', '=', slotId)
        .returning('starts_at')
        .executeTakeFirstOrThrow();
      if (row.starts_at.getTime() <= clock.now().getTime()) {
        throw new AppError(422, 'discussionSlotPast');
      }
      await audit(tx, ctx, 'daycare.discussion.slotUpdate', `discussion:${slot.survey_id}`, {
        slot: slotId,
      });
      return slot.survey_id;
    }),
  );
  return getStaffSurvey(ctx, surveyId);
}

/**
 * Cancel a slot. A booked one cancels its booking too, and the child's guardians are told so
 * that they can book another time.
 */
export async function cancelSlot(ctx: Ctx, slotId: string) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  const surveyId = await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const { slot, survey, booking } = await staffSlot(tx, ctx, slotId);
    if (booking) {
      await tx
        .updateTable('discussion_bookings')
        .set({ cancelled_at: sql`now()`, cancelled_by: actor.personId })
        .where('id', '=', booking.id)
        .execute();
      const holder = await tx
        .selectFrom('people')
        .select('name')
        .where('id', '=', slot.staff_id)
        .executeTakeFirstOrThrow();
      await tellGuardiansOfBooking(tx, ctx, 'cancelled', {
        title: survey.title,
        child_id: booking.child_id,
        first_name: booking.first_name,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        place: slot.place,
        staff_name: holder.name,
      });
    }
    await tx
      .updateTable('discussion_slots')
      .set({ cancelled_at: sql`now()`, cancelled_by: actor.personId })
      .where('id', '=', slotId)
      .execute();
    await audit(
      tx,
      ctx,
      'daycare.discussion.slotCancel',
      booking ? `child:${booking.child_id}` : `discussion:${slot.survey_id}`,
      { slot: slotId, survey: slot.survey_id, booking: booking?.id ?? null },
    );
    return slot.survey_id;
  });
  return getStaffSurvey(ctx, surveyId);
}
