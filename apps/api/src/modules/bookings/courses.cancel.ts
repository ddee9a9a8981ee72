import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { removeRegistrationFromCart } from '../shop/cart-items.js';
import { refundCancelled } from './booking-payments.js';
import {
  COURSE_STAFF,
  courseViews,
  findCourse,
  notifyGuardian,
  registrationSelect,
  type RegistrationRow,
} from './courses.js';

const ACTIVE = ['held', 'confirmed', 'offered', 'waitlisted'] as const;

/**
 * End every active registration of a course that is being cancelled, in the caller's
 * transaction: the seat is freed (and not offered on: the course is over), a held seat leaves
 * the cart, a paid fee is refunded in full, and the guardian is told in their language. A held
 * seat whose payment is under way is refunded when the payment arrives (fulfilRegistrations).
 */
async function endRegistrations(tx: Tx, ctx: Ctx, courseId: string, reason: string) {
  const rows = (
    await sql<RegistrationRow>`${registrationSelect}
      where g.course_id = ${courseId} and g.status = any(${ACTIVE}::text[])
      order by g.created_at, g.id for update of g`.execute(tx)
  ).rows;
  if (rows.length === 0) return { registrations: 0, refundedCents: 0 };
  const ids = rows.map((row) => row.id);
  await tx
    .updateTable('course_registrations')
    .set({ status: 'cancelled', held_until: null, offered_until: null, ended_at: sql`now()` })
    .where('id', 'in', ids)
    .execute();
  await tx
    .updateTable('course_seats')
    .set({ registration_id: null })
    .where('course_id', '=', courseId)
    .where('registration_id', 'in', ids)
    .execute();
  const people = await tx
    .selectFrom('people')
    .select(['id', 'language', 'email'])
    .where('id', 'in', [...new Set(rows.map((row) => row.person_id))])
    .execute();
  let refundedCents = 0;
  for (const row of rows) {
    if (row.status === 'held') await removeRegistrationFromCart(tx, row.id);
    // Staff cancelled: the whole fee back, whenever it is (refundOnCancel's staff rule).
    // An unpaid invoice's share is credited instead (refundCancelled's rule).
    const refund =
      row.status === 'confirmed'
        ? (
            await refundCancelled(
              tx,
              ctx,
              { registrationId: row.id },
              { start: row.first_session ?? new Date(), cancelFreeHours: 0, byStaff: true },
              'courseCancelled',
            )
          ).cents
        : 0;
    refundedCents += refund;
    const person = people.find((p) => p.id === row.person_id);
    await notifyGuardian(
      tx,
      ctx,
      {
        personId: row.person_id,
        language: person?.language ?? null,
        email: person?.email ?? null,
        course: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
        child: row.first_name,
        deadline: null,
        reason,
        refundCents: refund,
      },
      refund > 0 ? 'courseCancelledRefunded' : 'courseCancelled',
    );
  }
  return { registrations: rows.length, refundedCents };
}

/**
 * Staff cancel a whole course with a reason. One transaction: the course row is locked first
 * (a registration that is being written either commits before, and is cancelled here, or finds
 * the course cancelled and writes nothing), then every active registration ends. A course of
 * 500 registrations is cancelled completely or, on any error, not at all.
 */
export async function cancelCourse(ctx: Ctx, courseId: string, reason: string) {
  requireRole(ctx, ...COURSE_STAFF);
  const actor = ctx.actor;
  const text = reason.trim();
  if (!text) throw new AppError(422, 'cancelReasonRequired');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const course = await tx
      .selectFrom('courses')
      .select(['id', 'cancelled_at'])
      .where('id', '=', courseId)
      .where('active', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!course) throw notFound();
    if (course.cancelled_at) throw new AppError(409, 'courseCancelled');
    await tx
      .updateTable('courses')
      .set({ cancelled_at: sql`now()`, cancel_reason: text, cancelled_by: actor.personId })
      .where('id', '=', courseId)
      .execute();
    const result = await endRegistrations(tx, ctx, courseId, text);
    await audit(tx, ctx, 'course.cancel', `course:${courseId}`, { reason: text, ...result });
    return {
      course: (await courseViews(tx, ctx, [(await findCourse(tx, courseId))!]))[0]!,
      cancelledRegistrations: result.registrations,
      refundedCents: result.refundedCents,
    };
  });
}
