import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { findGroup, memberUnitIds } from './daycare.repo.js';
import { localToday } from './days.js';
import {
  findSurvey,
  membershipsIn,
  slotsOf,
  surveyChildren,
  unitStaffMembers,
} from './discussions.repo.js';
import { insertSlots, noOverlap, type SlotInput } from './discussions.slots.js';
import { tellGuardiansToBook } from './discussions.notify.js';

/**
 * Discussion surveys for the staff: publish one for a group's children (all or chosen ones)
 * with its time slots, see who has booked and who has not, remind the latter. Staff of the
 * survey's unit manage it; to anyone else it does not exist.
 */

export interface NewSurvey {
  groupId: string;
  childIds?: string[];
  title: string;
  description: string;
  bookingDeadline: string;
  slots: SlotInput[];
}

/** The survey, if the staff member works in its unit. */
export async function staffSurvey(tx: Tx, ctx: AuthenticatedCtx, surveyId: string) {
  const survey = await findSurvey(tx, surveyId);
  if (!survey || !(await memberUnitIds(tx, ctx.actor.personId)).includes(survey.unit_id)) {
    throw notFound();
  }
  return survey;
}

export async function createSurvey(ctx: Ctx, input: NewSurvey) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  const surveyId = await noOverlap(() =>
    inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const group = await findGroup(tx, input.groupId);
      const memberships = group ? await membershipsIn(tx, actor.personId, group.unit_id) : [];
      // A member of the whole unit may ask any of its groups; a group's staff their own groups.
      if (!group || !memberships.some((g) => g === null || g === group.id)) throw notFound();
      const today = localToday();
      if (input.bookingDeadline < today) throw new AppError(422, 'discussionDeadlinePast');
      const placed = await tx
        .selectFrom('daycare_placements')
        .select('child_id')
        .distinct()
        .where('group_id', '=', group.id)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
        .execute();
      const inGroup = new Set(placed.map((p) => p.child_id));
      const chosen = input.childIds?.length ? [...new Set(input.childIds)] : [...inGroup];
      if (chosen.length === 0 || chosen.some((id) => !inGroup.has(id))) {
        throw new AppError(422, 'discussionChildren');
      }
      const survey = await tx
        .insertInto('discussion_surveys')
        .values({
          municipality_id: ctx.municipality.id,
          unit_id: group.unit_id,
          group_id: group.id,
          title: input.title.trim(),
          description: input.description.trim(),
          booking_deadline: input.bookingDeadline,
          created_by: actor.personId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('discussion_survey_children')
        .values(
          chosen.map((child_id) => ({
            municipality_id: ctx.municipality.id,
            survey_id: survey.id,
            child_id,
          })),
        )
        .execute();
      await insertSlots(tx, ctx, survey.id, group.unit_id, input.slots);
      await audit(tx, ctx, 'daycare.discussion.create', `discussion:${survey.id}`, {
        group: group.id,
        children: chosen,
        slots: input.slots.length,
      });
      const row = (await findSurvey(tx, survey.id))!;
      await tellGuardiansToBook(tx, ctx, 'published', row, await surveyChildren(tx, survey.id));
      return survey.id;
    }),
  );
  return getStaffSurvey(ctx, surveyId);
}

/** The surveys of the units where the staff member works, newest first, with counts. */
export async function listStaffSurveys(ctx: Ctx) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unitIds = await memberUnitIds(tx, actor.personId);
    if (unitIds.length === 0) return [];
    const rows = await tx
      .selectFrom('discussion_surveys as s')
      .innerJoin('daycare_units as u', 'u.id', 's.unit_id')
      .innerJoin('daycare_groups as g', 'g.id', 's.group_id')
      .select([
        's.id',
        's.title',
        sql<string>`s.booking_deadline::text`.as('booking_deadline'),
        'u.name as unit_name',
        'g.name as group_name',
        sql<number>`(select count(*)::int from discussion_survey_children sc
          where sc.survey_id = s.id)`.as('children'),
        sql<number>`(select count(*)::int from discussion_bookings b
          where b.survey_id = s.id and b.cancelled_at is null)`.as('booked'),
        sql<number>`(select count(*)::int from discussion_slots sl
          where sl.survey_id = s.id and sl.cancelled_at is null)`.as('slots'),
      ])
      .where('s.unit_id', 'in', unitIds)
      .where('s.cancelled_at', 'is', null)
      .orderBy('s.created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      bookingDeadline: r.booking_deadline,
      unitName: r.unit_name,
      groupName: r.group_name,
      children: r.children,
      booked: r.booked,
      slots: r.slots,
    }));
  });
}

/** A survey for its unit's staff: the slots with who booked them, and who has not booked. */
export async function getStaffSurvey(ctx: Ctx, surveyId: string) {
  requireRole(ctx, 'daycare_staff');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const survey = await staffSurvey(tx, ctx, surveyId);
    const children = await surveyChildren(tx, surveyId);
    const slots = await slotsOf(tx, [surveyId]);
    const staff = await unitStaffMembers(tx, survey.unit_id);
    await audit(tx, ctx, 'daycare.discussion.read', `discussion:${surveyId}`, {
      children: children.map((c) => c.id),
    });
    const name = (id: string | null) => {
      const c = children.find((child) => child.id === id);
      return c ? `${c.first_name} ${c.last_name}` : null;
    };
    const booked = new Set(slots.map((s) => s.child_id).filter(Boolean));
    return {
      id: survey.id,
      title: survey.title,
      description: survey.description,
      bookingDeadline: survey.booking_deadline,
      unit: { id: survey.unit_id, name: survey.unit_name },
      group: { id: survey.group_id, name: survey.group_name },
      staff: staff.map((s) => ({ id: s.id, name: s.name })),
      slots: slots.map((s) => ({
        id: s.id,
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        staff: { id: s.staff_id, name: s.staff_name },
        place: s.place,
        booking: s.booking_id ? { id: s.booking_id, child: name(s.child_id) ?? '' } : null,
      })),
      notBooked: children
        .filter((c) => !booked.has(c.id))
        .map((c) => ({ id: c.id, name: `${c.first_name} ${c.last_name}` })),
    };
  });
}

/** Remind the guardians of the children who have not booked a time yet. */
export async function remindUnbooked(ctx: Ctx, surveyId: string) {
  requireRole(ctx, 'daycare_staff');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const survey = await staffSurvey(tx, ctx, surveyId);
    if (survey.booking_deadline < localToday()) throw new AppError(422, 'discussionDeadline');
    const booked = await tx
      .selectFrom('discussion_bookings')
      .select('child_id')
      .where('survey_id', '=', surveyId)
      .where('cancelled_at', 'is', null)
      .execute();
    const bookedIds = new Set(booked.map((b) => b.child_id));
    const waiting = (await surveyChildren(tx, surveyId)).filter((c) => !bookedIds.has(c.id));
    const guardians = await tellGuardiansToBook(tx, ctx, 'remind', survey, waiting);
    await audit(tx, ctx, 'daycare.discussion.remind', `discussion:${surveyId}`, {
      children: waiting.map((c) => c.id),
    });
    return { children: waiting.length, guardians };
  });
}
