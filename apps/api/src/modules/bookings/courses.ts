import { sql } from 'kysely';
import { inTenant, type Database, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, requireUser, type Ctx } from '../../platform/http/context.js';
import { notifyPerson } from '../../platform/notifications/notifications.service.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { jobContext } from '../../platform/jobs/context.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import type {
  CustomerGroup,
  RegistrationMode,
  RegistrationStatus,
} from '../../platform/db/schema.js';
import { customerGroupOf, loadProducts, priceFor } from '../shop/products.js';
import { formatEuros } from '../shop/money.js';
import { addRegistrationToCart, removeRegistrationFromCart } from '../shop/cart-items.js';
import { createRefund } from '../payments/refunds.js';
import { refundCancelled } from './booking-payments.js';

export const COURSE_STAFF = ['facility_admin', 'admin'] as const;
export const RELEASE_SEAT_HOLD = 'courses.releaseHold';
export const OFFER_EXPIRED = 'courses.offerExpired';
/** A registration is for up to this many children at once. */
export const MAX_CHILDREN = 10;

export const COURSE_COLUMNS = [
  'id',
  'name_fi',
  'name_sv',
  'name_en',
  'description_fi',
  'description_sv',
  'description_en',
  'location',
  'age_min',
  'age_max',
  'seats',
  'price_product_id',
  'registration_opens_at',
  'registration_closes_at',
  'registration_mode',
  'admit_per_minute',
  'admission_minutes',
  'hold_minutes',
  'waitlist',
  'offer_hours',
  'cancel_free_hours',
  'cancelled_at',
  'cancel_reason',
] as const;

export async function findCourse(tx: Tx, id: string) {
  return tx
    .selectFrom('courses')
    .select(COURSE_COLUMNS)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}
export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

/**
 * What changes on a course's page between reads: its sessions, free seats and waitlist, for
 * every course at once in one statement (a course page is read by everyone waiting for the
 * registration to open).
 */
async function courseState(tx: Tx, courseIds: string[]) {
  if (courseIds.length === 0) return new Map<string, CourseState>();
  const result = await sql<{
    id: string;
    free: number;
    waiting: number;
    starts: Date[];
    ends: Date[];
  }>`select c.id,
       (select count(*)::int from course_seats s
        where s.course_id = c.id and s.registration_id is null) as free,
       (select count(*)::int from course_registrations r
        where r.course_id = c.id and r.status = 'waitlisted') as waiting,
       coalesce(x.starts, '{}') as starts, coalesce(x.ends, '{}') as ends
     from unnest(${courseIds}::uuid[]) as c(id)
     left join lateral (select array_agg(starts_at order by starts_at, ends_at) as starts,
                               array_agg(ends_at order by starts_at, ends_at) as ends
                        from course_sessions where course_id = c.id) x on true`.execute(tx);
  return new Map(result.rows.map((row) => [row.id, row]));
}
interface CourseState {
  free: number;
  waiting: number;
  starts: Date[];
  ends: Date[];
}

/** The fee of one child for a customer group; 0 for a free course, null if not offered. */
async function coursePrices(tx: Tx, rows: CourseRow[], group: CustomerGroup) {
  const products = await loadProducts(
    tx,
    rows.flatMap((r) => (r.price_product_id ? [r.price_product_id] : [])),
  );
  return (row: CourseRow) => {
    if (!row.price_product_id) return { priceCents: 0, vatRateBp: 0 };
    const product = products.find((p) => p.id === row.price_product_id);
    const price = product ? priceFor(product, group) : null;
    return price === null ? null : { priceCents: price, vatRateBp: product!.vatRateBp };
  };
}

export async function courseViews(tx: Tx, ctx: Ctx, rows: CourseRow[]) {
  const state = await courseState(
    tx,
    rows.map((r) => r.id),
  );
  const price = await coursePrices(tx, rows, customerGroupOf(ctx));
  const now = Date.now();
  return rows.map((row) => {
    const own = state.get(row.id);
    const registration = row.cancelled_at
      ? ('cancelled' as const)
      : now < row.registration_opens_at.getTime()
        ? ('upcoming' as const)
        : now >= row.registration_closes_at.getTime()
          ? ('closed' as const)
          : ('open' as const);
    return {
      id: row.id,
      name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
      description: { fi: row.description_fi, sv: row.description_sv, en: row.description_en },
      location: row.location,
      ageMin: row.age_min,
      ageMax: row.age_max,
      seats: row.seats,
      seatsLeft: own?.free ?? 0,
      waitlistLength: own?.waiting ?? 0,
      waitlist: row.waitlist,
      priceCents: price(row)?.priceCents ?? null,
      priceProductId: row.price_product_id,
      registrationOpensAt: row.registration_opens_at.toISOString(),
      registrationClosesAt: row.registration_closes_at.toISOString(),
      registration,
      registrationMode: row.registration_mode,
      admitPerMinute: row.admit_per_minute,
      admissionMinutes: row.admission_minutes,
      holdMinutes: row.hold_minutes,
      offerHours: row.offer_hours,
      cancelFreeHours: row.cancel_free_hours,
      cancelledAt: row.cancelled_at?.toISOString() ?? null,
      cancelReason: row.cancel_reason,
      sessions: (own?.starts ?? []).map((start, i) => ({
        start: start.toISOString(),
        end: own!.ends[i]!.toISOString(),
      })),
    };
  });
}

export async function listCourses(ctx: Ctx, filter: { q?: string; age?: number }) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    let q = tx.selectFrom('courses').select(COURSE_COLUMNS).where('active', '=', true);
    if (filter.age !== undefined) {
      q = q.where('age_min', '<=', filter.age).where('age_max', '>=', filter.age);
    }
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      q = q.where((eb) =>
        eb.or(
          (['name_fi', 'name_sv', 'name_en', 'location'] as const).map((c) =>
            eb(c, 'ilike', pattern),
          ),
        ),
      );
    }
    const rows = await q
      .orderBy('registration_opens_at')
      .orderBy('name_fi')
      .orderBy('id')
      .execute();
    return courseViews(tx, ctx, rows);
  });
}

export async function getCourse(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await findCourse(tx, id);
    if (!row) throw notFound();
    return (await courseViews(tx, ctx, [row]))[0]!;
  });
}

// --- Registrations -------------------------------------------------------------------------

export interface RegistrationRow {
  id: string;
  course_id: string;
  child_id: string;
  person_id: string;
  status: RegistrationStatus;
  held_until: Date | null;
  offered_until: Date | null;
  price_cents: number;
  created_at: Date;
  first_name: string;
  last_name: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  cancel_free_hours: number;
  first_session: Date | null;
  order_status: string | null;
  refunded_cents: number;
  waitlist_position: number | null;
  guardian_name: string;
}

/** A waitlisted registration's place, counted for one row (lists compute it with a join). */
const WAITLIST_POSITION = sql`case when g.status = 'waitlisted' then
  (select count(*)::int from course_registrations w
   where w.course_id = g.course_id and w.status = 'waitlisted'
     and (w.created_at, w.id) <= (g.created_at, g.id)) end`;

/**
 * Registrations with what their views show. Lists of many registrations pass `position` and
 * `join` that number the waitlist once (a CTE `w` with the column `pos`), not once per row.
 */
export function selectRegistrations(position = WAITLIST_POSITION, join = sql``) {
  return sql`
  select g.id, g.course_id, g.child_id, g.person_id, g.status, g.held_until, g.offered_until,
         g.price_cents, g.created_at, ch.first_name, ch.last_name, c.name_fi, c.name_sv, c.name_en,
         c.cancel_free_hours, p.name as guardian_name,
         (select min(starts_at) from course_sessions s where s.course_id = c.id) as first_session,
         (select o.status from order_lines l join orders o on o.id = l.order_id
          where l.registration_id = g.id) as order_status,
         (select coalesce(sum(f.amount_cents), 0)::int from refunds f
          where f.registration_id = g.id and f.status <> 'failed') as refunded_cents,
         ${position} as waitlist_position
  from course_registrations g
  join courses c on c.id = g.course_id
  join children ch on ch.id = g.child_id
  join people p on p.id = g.person_id
  ${join}`;
}

/**
 * The waitlist of a course numbered once, for selectRegistrations over many rows. MATERIALIZED:
 * inlined into the join, the numbering was redone for the rows joined to it, which made the
 * answer of a rush batch cost more as the waitlist grew (hundreds of milliseconds at 2 500).
 *
 * With `sinceMicros` (an arrival time in microseconds since the epoch, as the rush batches
 * keep it) only the waitlist from then on is numbered and the places before it are counted:
 * a rush batch's registrations are the newest ones, so each batch costs the same whether the
 * waitlist holds ten children or ten thousand.
 */
export function numberedWaitlist(courseId: string, sinceMicros = 0) {
  const since = sql`to_timestamp(${sinceMicros}::float8 / 1e6)`;
  return {
    cte: sql`w as materialized (
      select id, (select count(*) from course_registrations b
                  where b.course_id = ${courseId} and b.status = 'waitlisted'
                    and b.created_at < ${since})::int
                 + row_number() over (order by created_at, id)::int as pos
      from course_registrations
      where course_id = ${courseId} and status = 'waitlisted' and created_at >= ${since})`,
    position: sql`w.pos`,
    join: sql`left join w on w.id = g.id`,
  };
}

export const registrationSelect = selectRegistrations();

async function findRegistration(tx: Tx, id: string, lock = false) {
  const result = await sql<RegistrationRow>`${registrationSelect} where g.id = ${id} ${
    lock ? sql`for update of g` : sql``
  }`.execute(tx);
  return result.rows[0];
}

const isStaff = (ctx: Ctx) =>
  ctx.roles.some((role) => (COURSE_STAFF as readonly string[]).includes(role));

export function toRegistrationView(row: RegistrationRow, ctx: Ctx) {
  const active = ['held', 'confirmed', 'waitlisted', 'offered'].includes(row.status);
  const started = row.first_session !== null && row.first_session.getTime() <= Date.now();
  return {
    id: row.id,
    courseId: row.course_id,
    courseName: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    child: { id: row.child_id, firstName: row.first_name, lastName: row.last_name },
    guardianName: row.guardian_name,
    status: row.status,
    heldUntil: row.held_until?.toISOString() ?? null,
    offeredUntil: row.offered_until?.toISOString() ?? null,
    waitlistPosition: row.waitlist_position,
    priceCents: row.price_cents,
    payment:
      row.price_cents === 0
        ? ('free' as const)
        : row.refunded_cents > 0
          ? ('refunded' as const)
          : row.order_status === 'paid'
            ? ('paid' as const)
            : ('unpaid' as const),
    refundedCents: row.refunded_cents,
    freeCancellationUntil:
      row.price_cents > 0 && row.first_session
        ? new Date(row.first_session.getTime() - row.cancel_free_hours * 3_600_000).toISOString()
        : null,
    createdAt: row.created_at.toISOString(),
    canCancel: active && (isStaff(ctx) || !started),
    canAccept: row.status === 'offered' && row.offered_until!.getTime() > Date.now(),
  };
}

/** A free seat of the course, locked for this transaction; null when none is free now. */
async function claimSeat(tx: Tx, courseId: string): Promise<number | null> {
  return (await claimSeats(tx, courseId, 1))[0] ?? null;
}

/** Up to `count` free seats of the course, locked for this transaction, lowest first. */
export async function claimSeats(tx: Tx, courseId: string, count: number): Promise<number[]> {
  // SKIP LOCKED spreads concurrent registrations over the free rows. A seat that another
  // transaction holds locked may still come free (if it rolls back), so when every free row
  // is locked, wait a moment and look again rather than call the course full.
  const seats: number[] = [];
  for (let attempt = 0; attempt < 20 && seats.length < count; attempt++) {
    const result = await sql<{ seats: number[]; any_free: boolean }>`
      with seat as (
        select seat_no from course_seats
        where course_id = ${courseId} and registration_id is null
          and seat_no <> all(${seats}::int[])
        order by seat_no limit ${count - seats.length} for update skip locked)
      select coalesce((select array_agg(seat_no order by seat_no) from seat), '{}') as seats,
             exists (select 1 from course_seats
                     where course_id = ${courseId} and registration_id is null
                       and seat_no <> all(${seats}::int[])) as any_free`.execute(tx);
    const { seats: found, any_free: anyFree } = result.rows[0]!;
    seats.push(...found);
    if (seats.length >= count || !anyFree) break;
    if (found.length > 0) continue;
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
  }
  return seats.sort((a, b) => a - b);
}

async function takeSeat(tx: Tx, courseId: string, seatNo: number, registrationId: string) {
  await tx
    .updateTable('course_seats')
    .set({ registration_id: registrationId })
    .where('course_id', '=', courseId)
    .where('seat_no', '=', seatNo)
    .execute();
}

async function freeSeat(tx: Tx, registrationId: string) {
  await tx
    .updateTable('course_seats')
    .set({ registration_id: null })
    .where('registration_id', '=', registrationId)
    .execute();
}

export type NoticeKey =
  | 'courseSeatConfirmed'
  | 'courseWaitlisted'
  | 'courseSeatOffered'
  | 'courseRegistrationCancelled'
  | 'courseCancelled'
  | 'courseCancelledRefunded';

export interface Notice {
  personId: string;
  language: string | null;
  email: string | null;
  course: { fi: string; sv: string; en: string };
  child: string;
  deadline: Date | null;
  /** A cancelled course: staff's reason, and the fee coming back (cents). */
  reason?: string;
  refundCents?: number;
}

/** What a notice about a registration says, read from the database. */
async function noticeOf(tx: Tx, registrationId: string): Promise<Notice> {
  const row = (await findRegistration(tx, registrationId))!;
  const person = await tx
    .selectFrom('people')
    .select(['language', 'email'])
    .where('id', '=', row.person_id)
    .executeTakeFirst();
  return {
    personId: row.person_id,
    language: person?.language ?? null,
    email: person?.email ?? null,
    course: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    child: row.first_name,
    deadline: row.offered_until ?? row.held_until,
  };
}

/** What to tell the guardian, in their language, in the app and by email. */
export function guardianNotice(ctx: Pick<Ctx, 'municipality'>, notice: Notice, key: NoticeKey) {
  const language = isLanguage(notice.language) ? notice.language : 'fi';
  const params = {
    course: notice.course[language],
    child: notice.child,
    until: notice.deadline
      ? new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Europe/Helsinki',
        }).format(notice.deadline)
      : '',
    reason: notice.reason ?? '',
    amount: formatEuros(notice.refundCents ?? 0, language),
  };
  return {
    topic: 'bookings' as const,
    person: { id: notice.personId, email: notice.email, language },
    message: {
      title: translate(language, `notification.${key}`, params),
      body: translate(language, `notification.${key}.body`, params),
      link: `/${ctx.municipality.slug}/courses/mine`,
    },
  };
}

/** Tell the guardian, in their language, in the app and by email. */
export async function notifyGuardian(
  tx: Tx,
  ctx: Ctx,
  registration: string | Notice,
  key: NoticeKey,
) {
  const notice = typeof registration === 'string' ? await noticeOf(tx, registration) : registration;
  const { person, message, topic } = guardianNotice(ctx, notice, key);
  await notifyPerson(tx, ctx, person, message, topic);
}

/** Hold a seat for payment: into the guardian's cart, released if not paid in time. */
async function holdSeat(tx: Tx, ctx: Ctx, registrationId: string, personId: string, until: Date) {
  await addRegistrationToCart(tx, ctx.municipality.id, personId, registrationId);
  await enqueueJob(
    tx,
    RELEASE_SEAT_HOLD,
    { registrationId },
    { municipalityId: ctx.municipality.id, runAt: until },
  );
}

export function checkRegistrationWindow(course: CourseRow, now: number) {
  if (course.cancelled_at) throw new AppError(409, 'courseCancelled');
  if (now < course.registration_opens_at.getTime()) {
    throw new AppError(409, 'registrationNotOpen', {
      opens: course.registration_opens_at.toISOString(),
    });
  }
  if (now >= course.registration_closes_at.getTime()) throw new AppError(409, 'registrationClosed');
}

export async function listMyRegistrations(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const result = await sql<RegistrationRow>`${registrationSelect}
      where g.person_id = ${actor.personId} order by g.created_at desc limit 200`.execute(tx);
    return result.rows.map((row) => toRegistrationView(row, ctx));
  });
}

/**
 * Offer freed seats to the waitlist, first come first offered: each offer keeps the seat for
 * the guardian until the offer's deadline.
 */
async function offerFreeSeats(tx: Tx, ctx: Ctx, courseId: string) {
  const course = await findCourse(tx, courseId);
  if (!course || !course.waitlist || course.cancelled_at) return;
  if (Date.now() >= course.registration_closes_at.getTime()) return;
  for (;;) {
    const next = await tx
      .selectFrom('course_registrations')
      .select(['id'])
      .where('course_id', '=', courseId)
      .where('status', '=', 'waitlisted')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!next) return;
    const seat = await claimSeat(tx, courseId);
    if (seat === null) return;
    const offeredUntil = new Date(Date.now() + course.offer_hours * 3_600_000);
    await tx
      .updateTable('course_registrations')
      .set({ status: 'offered', offered_until: offeredUntil })
      .where('id', '=', next.id)
      .execute();
    await takeSeat(tx, courseId, seat, next.id);
    await enqueueJob(
      tx,
      OFFER_EXPIRED,
      { registrationId: next.id },
      { municipalityId: ctx.municipality.id, runAt: offeredUntil },
    );
    await audit(tx, ctx, 'course.offer', `registration:${next.id}`);
    await notifyGuardian(tx, ctx, next.id, 'courseSeatOffered');
  }
}

/** End a registration (cancelled or expired): its seat goes to the waitlist. */
async function endRegistration(
  tx: Tx,
  ctx: Ctx,
  row: RegistrationRow,
  status: 'cancelled' | 'expired',
) {
  await tx
    .updateTable('course_registrations')
    .set({ status, held_until: null, offered_until: null, ended_at: sql`now()` })
    .where('id', '=', row.id)
    .execute();
  await freeSeat(tx, row.id);
  await removeRegistrationFromCart(tx, row.id);
  await offerFreeSeats(tx, ctx, row.course_id);
}

export async function cancelRegistration(ctx: Ctx, id: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await findRegistration(tx, id, true);
    if (!row || (!isStaff(ctx) && row.person_id !== actor.personId)) throw notFound();
    if (!toRegistrationView(row, ctx).canCancel) throw new AppError(409, 'notCancellable');
    if (row.status === 'held' && row.order_status === 'pending')
      throw new AppError(409, 'paymentInProgress');
    const wasConfirmed = row.status === 'confirmed';
    await endRegistration(tx, ctx, row, 'cancelled');
    if (wasConfirmed) {
      await refundCancelled(
        tx,
        ctx,
        { registrationId: id },
        {
          start: row.first_session,
          cancelFreeHours: row.cancel_free_hours,
          byStaff: isStaff(ctx),
        },
        '',
      );
    }
    await audit(tx, ctx, 'course.cancel', `registration:${id}`);
    if (row.person_id !== actor.personId)
      await notifyGuardian(tx, ctx, id, 'courseRegistrationCancelled');
    return toRegistrationView((await findRegistration(tx, id))!, ctx);
  });
}

/** Take a seat offered from the waitlist: held for payment, or confirmed when free. */
export async function acceptOffer(ctx: Ctx, id: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await findRegistration(tx, id, true);
    if (!row || row.person_id !== actor.personId) throw notFound();
    if (!toRegistrationView(row, ctx).canAccept) throw new AppError(409, 'noOffer');
    const course = (await findCourse(tx, row.course_id))!;
    if (row.price_cents > 0) {
      const heldUntil = new Date(Date.now() + course.hold_minutes * 60_000);
      await tx
        .updateTable('course_registrations')
        .set({ status: 'held', held_until: heldUntil, offered_until: null })
        .where('id', '=', id)
        .execute();
      await holdSeat(tx, ctx, id, actor.personId, heldUntil);
    } else {
      await tx
        .updateTable('course_registrations')
        .set({ status: 'confirmed', offered_until: null })
        .where('id', '=', id)
        .execute();
      await notifyGuardian(tx, ctx, id, 'courseSeatConfirmed');
    }
    await audit(tx, ctx, 'course.accept', `registration:${id}`);
    return toRegistrationView((await findRegistration(tx, id))!, ctx);
  });
}

/**
 * The seats of a paid order become the children's: held seats are confirmed. A seat whose
 * hold ran out while the payment was under way is taken again if one is free; otherwise the
 * fee is refunded.
 */
export async function fulfilRegistrations(tx: Tx, ctx: Ctx, orderId: string) {
  const lines = await tx
    .selectFrom('order_lines')
    .select(['registration_id', 'total_cents'])
    .where('order_id', '=', orderId)
    .where('registration_id', 'is not', null)
    .execute();
  for (const line of lines) {
    const id = line.registration_id!;
    const row = await findRegistration(tx, id, true);
    if (!row) continue;
    if (row.status === 'held') {
      await tx
        .updateTable('course_registrations')
        .set({ status: 'confirmed', held_until: null })
        .where('id', '=', id)
        .execute();
      await notifyGuardian(tx, ctx, id, 'courseSeatConfirmed');
    } else if (row.status === 'expired') {
      // A cancelled course gives no seat back (locked as registering does: see there).
      const open = await sql`select 1 from courses
        where id = ${row.course_id} and cancelled_at is null for key share`.execute(tx);
      const seat = open.rows.length > 0 ? await claimSeat(tx, row.course_id) : null;
      if (seat !== null) {
        await sql`savepoint retake_seat`.execute(tx);
        try {
          await tx
            .updateTable('course_registrations')
            .set({ status: 'confirmed', ended_at: null })
            .where('id', '=', id)
            .execute();
          await sql`release savepoint retake_seat`.execute(tx);
          await takeSeat(tx, row.course_id, seat, id);
          await notifyGuardian(tx, ctx, id, 'courseSeatConfirmed');
          continue;
        } catch (error) {
          // The child was registered again meanwhile (unique index): refund this one.
          if ((error as { code?: string }).code !== '23505') throw error;
          await sql`rollback to savepoint retake_seat`.execute(tx);
        }
      }
      await createRefund(tx, ctx, {
        orderId,
        reservationId: null,
        registrationId: id,
        amountCents: line.total_cents,
        reason: 'seatLost',
      });
    } else if (row.status === 'cancelled') {
      // The course was cancelled while this seat's payment was under way: the money goes back.
      await createRefund(tx, ctx, {
        orderId,
        reservationId: null,
        registrationId: id,
        amountCents: line.total_cents,
        reason: 'courseCancelled',
      });
    }
  }
}

// --- Staff -----------------------------------------------------------------------------------

export interface CourseInput {
  name: { fi: string; sv: string; en: string };
  description: { fi: string; sv: string; en: string };
  location: string;
  ageMin: number;
  ageMax: number;
  seats: number;
  priceProductId: string | null;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationMode: RegistrationMode;
  admitPerMinute: number;
  admissionMinutes: number;
  holdMinutes: number;
  waitlist: boolean;
  offerHours: number;
  cancelFreeHours: number;
  sessions: { start: string; end: string }[];
}

function courseColumns(input: CourseInput) {
  return {
    name_fi: input.name.fi,
    name_sv: input.name.sv,
    name_en: input.name.en,
    description_fi: input.description.fi,
    description_sv: input.description.sv,
    description_en: input.description.en,
    location: input.location,
    age_min: input.ageMin,
    age_max: input.ageMax,
    seats: input.seats,
    price_product_id: input.priceProductId,
    registration_opens_at: input.registrationOpensAt,
    registration_closes_at: input.registrationClosesAt,
    registration_mode: input.registrationMode,
    admit_per_minute: input.admitPerMinute,
    admission_minutes: input.admissionMinutes,
    hold_minutes: input.holdMinutes,
    waitlist: input.waitlist,
    offer_hours: input.offerHours,
    cancel_free_hours: input.cancelFreeHours,
  };
}

async function checkCourseInput(tx: Tx, input: CourseInput) {
  if (input.ageMin > input.ageMax) throw new AppError(422, 'courseRules');
  if (Date.parse(input.registrationOpensAt) >= Date.parse(input.registrationClosesAt))
    throw new AppError(422, 'courseRules');
  for (const s of input.sessions) {
    if (Date.parse(s.start) >= Date.parse(s.end)) throw new AppError(422, 'courseRules');
  }
  if (new Set(input.sessions.map((s) => Date.parse(s.start))).size !== input.sessions.length)
    throw new AppError(422, 'courseRules');
  if (input.priceProductId && (await loadProducts(tx, [input.priceProductId])).length === 0)
    throw new AppError(422, 'priceProduct');
}

async function replaceSessions(tx: Tx, municipalityId: string, id: string, input: CourseInput) {
  await tx.deleteFrom('course_sessions').where('course_id', '=', id).execute();
  if (input.sessions.length === 0) return;
  await tx
    .insertInto('course_sessions')
    .values(
      input.sessions.map((s) => ({
        municipality_id: municipalityId,
        course_id: id,
        starts_at: s.start,
        ends_at: s.end,
      })),
    )
    .execute();
}

/** Make the seat rows match the number of seats; seats that are taken are never removed. */
async function resizeSeats(tx: Tx, municipalityId: string, id: string, seats: number) {
  const { count, max } = await tx
    .selectFrom('course_seats')
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<number>`coalesce(max(seat_no), 0)::int`.as('max'),
    ])
    .where('course_id', '=', id)
    .executeTakeFirstOrThrow();
  if (seats > count) {
    await sql`insert into course_seats (municipality_id, course_id, seat_no)
              select ${municipalityId}, ${id}, n
              from generate_series(${max + 1}::int, ${max + seats - count}::int) as n`.execute(tx);
  } else if (seats < count) {
    const removed = await sql`delete from course_seats where ctid in (
        select ctid from course_seats where course_id = ${id} and registration_id is null
        order by seat_no desc limit ${count - seats} for update)`.execute(tx);
    if (Number(removed.numAffectedRows) !== count - seats) throw new AppError(409, 'seatsTaken');
  }
}

export async function createCourse(ctx: Ctx, input: CourseInput) {
  requireRole(ctx, ...COURSE_STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await checkCourseInput(tx, input);
    const { id } = await tx
      .insertInto('courses')
      .values({ municipality_id: ctx.municipality.id, ...courseColumns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceSessions(tx, ctx.municipality.id, id, input);
    await resizeSeats(tx, ctx.municipality.id, id, input.seats);
    await audit(tx, ctx, 'course.create', `course:${id}`);
    return (await courseViews(tx, ctx, [(await findCourse(tx, id))!]))[0]!;
  });
}

export async function updateCourse(ctx: Ctx, id: string, input: CourseInput) {
  requireRole(ctx, ...COURSE_STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await checkCourseInput(tx, input);
    const updated = await tx
      .updateTable('courses')
      .set(courseColumns(input))
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound();
    await replaceSessions(tx, ctx.municipality.id, id, input);
    await resizeSeats(tx, ctx.municipality.id, id, input.seats);
    await offerFreeSeats(tx, ctx, id);
    await audit(tx, ctx, 'course.update', `course:${id}`);
    return (await courseViews(tx, ctx, [(await findCourse(tx, id))!]))[0]!;
  });
}

/**
 * Take a course out of use: it leaves the lists and takes no registrations. Only a course with
 * nobody on it (staff cancel the registrations first, which refunds paid fees in full).
 */
export async function archiveCourse(ctx: Ctx, id: string) {
  requireRole(ctx, ...COURSE_STAFF);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const course = await tx
      .selectFrom('courses')
      .select('id')
      .where('id', '=', id)
      .where('active', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!course) throw notFound();
    const active = await tx
      .selectFrom('course_registrations')
      .select('id')
      .where('course_id', '=', id)
      .where('status', 'in', ['held', 'confirmed', 'waitlisted', 'offered'])
      .limit(1)
      .executeTakeFirst();
    if (active) throw new AppError(409, 'courseHasRegistrations');
    await tx.updateTable('courses').set({ active: false }).where('id', '=', id).execute();
    await audit(tx, ctx, 'course.archive', `course:${id}`);
  });
}

/** Who is registered, for the course's staff (a read of personal data: audited). */
export async function listCourseRegistrations(ctx: Ctx, courseId: string) {
  requireRole(ctx, ...COURSE_STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await findCourse(tx, courseId))) throw notFound();
    const waitlist = numberedWaitlist(courseId);
    const result = await sql<RegistrationRow>`with ${waitlist.cte}
      ${selectRegistrations(waitlist.position, waitlist.join)}
      where g.course_id = ${courseId}
      order by case g.status when 'confirmed' then 0 when 'held' then 1 when 'offered' then 2
                             when 'waitlisted' then 3 else 4 end, g.created_at, g.id`.execute(tx);
    await audit(tx, ctx, 'course.registrations.list', `course:${courseId}`, {
      count: result.rows.length,
    });
    return result.rows.map((row) => toRegistrationView(row, ctx));
  });
}

// --- Jobs ------------------------------------------------------------------------------------

/**
 * The deadline jobs: a seat held for payment and not paid, or offered and not accepted, goes
 * to the next on the waitlist. A hold extended at checkout is looked at again at its new end.
 */
export function courseHandlers(
  db: Database,
  options: { publicUrl: string },
): Record<string, JobHandler> {
  const expire = (
    column: 'held_until' | 'offered_until',
    status: 'held' | 'offered',
    kind: string,
  ) =>
    (async (job) => {
      const { registrationId } = job.payload as { registrationId: string };
      const municipalityId = job.municipality_id!;
      const ctx = await jobContext(db, municipalityId, options.publicUrl, `job:${job.id}`);
      await inTenant(db, municipalityId, async (tx) => {
        const row = await findRegistration(tx, registrationId, true);
        if (!row || row.status !== status) return;
        const deadline = row[column]!;
        if (deadline.getTime() > Date.now()) {
          await enqueueJob(tx, kind, { registrationId }, { municipalityId, runAt: deadline });
          return;
        }
        await endRegistration(tx, ctx, row, 'expired');
        await audit(tx, ctx, `course.${status}Expired`, `registration:${registrationId}`);
      });
    }) satisfies JobHandler;
  return {
    [RELEASE_SEAT_HOLD]: expire('held_until', 'held', RELEASE_SEAT_HOLD),
    [OFFER_EXPIRED]: expire('offered_until', 'offered', OFFER_EXPIRED),
  };
}
