import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, requireUser, type Ctx } from '../../platform/http/context.js';
import type { CustomerGroup } from '../../platform/db/schema.js';
import { activeMembership, buyerFor } from '../organisations/buyer.js';
import { notifyPerson } from '../../platform/notifications/notifications.service.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import {
  formatTimeSpan,
  localDate,
  localMinuteOfDay,
  TIME_ZONE,
} from '../../platform/i18n/time.js';
import * as repo from './bookings.repo.js';
import {
  customerGroupOf,
  customerGroupOfPerson,
  loadProducts,
  priceFor,
} from '../shop/products.js';
import { findPersonByEmail } from '../../platform/auth/people.repo.js';
import { removeReservationFromCart } from '../shop/cart-items.js';
import {
  APPROVED_PAYMENT_DAYS,
  bookingPrice,
  holdForPayment,
  HOLD_MINUTES,
  refundCancelled,
} from './booking-payments.js';
import { accessPinText, syncAccessGrant } from '../access/access.service.js';
import { acceptedTermsVersion, currentTerms } from './terms.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const STAFF = ['facility_admin', 'admin'] as const;

export function toResourceView(row: repo.ResourceRow, pricePerHourCents: number | null) {
  return {
    id: row.id,
    kind: row.kind,
    name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    description: { fi: row.description_fi, sv: row.description_sv, en: row.description_en },
    location: row.location,
    capacity: row.capacity,
    accessible: row.accessible,
    selfService: row.self_service,
    bookingMode: row.booking_mode,
    slot: {
      minMinutes: row.slot_min_minutes,
      maxMinutes: row.slot_max_minutes,
      stepMinutes: row.slot_step_minutes,
      bookAheadDays: row.book_ahead_days,
      bufferMinutes: row.buffer_minutes,
    },
    pricePerHourCents,
    cancelFreeHours: row.cancel_free_hours,
  };
}

/**
 * Facilities as the asker sees them: with the hourly price of their customer group (or of the
 * organisation they act for).
 */
export async function toResourceViews(
  tx: Tx,
  ctx: Ctx,
  rows: repo.ResourceRow[],
  group: CustomerGroup = customerGroupOf(ctx),
) {
  const products = await loadProducts(
    tx,
    rows.flatMap((r) => (r.price_product_id ? [r.price_product_id] : [])),
  );
  return rows.map((row) => {
    if (!row.price_product_id) return toResourceView(row, 0);
    const product = products.find((p) => p.id === row.price_product_id);
    return toResourceView(row, product ? priceFor(product, group) : null);
  });
}

export async function listResources(ctx: Ctx, filter: repo.ResourceFilter) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) =>
    toResourceViews(tx, ctx, await repo.listResources(tx, filter)),
  );
}

export async function getResource(ctx: Ctx, id: string, organisationId?: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    let group = customerGroupOf(ctx);
    if (organisationId) {
      requireUser(ctx);
      group = (await buyerFor(tx, ctx, organisationId)).group;
    }
    const row = await repo.findResource(tx, id);
    if (!row) throw notFound();
    const hours = await tx
      .selectFrom('opening_hours')
      .select(['weekday', 'opens', 'closes'])
      .where('resource_id', '=', id)
      .orderBy('weekday')
      .orderBy('opens')
      .execute();
    return {
      ...(await toResourceViews(tx, ctx, [row], group))[0]!,
      terms: await currentTerms(tx, id),
      openingHours: hours.map((h) => ({
        weekday: h.weekday,
        opens: h.opens.slice(0, 5),
        closes: h.closes.slice(0, 5),
      })),
    };
  });
}

/** Opening intervals and taken time of a resource for `days` days from a local date. */
export async function getAvailability(ctx: Ctx, id: string, from: string, days: number) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const resource = await repo.findResource(tx, id);
    if (!resource) throw notFound();
    const to = localDate(new Date(Date.parse(`${from}T12:00:00Z`) + (days - 1) * DAY_MS));
    const open = await repo.openIntervals(tx, id, from, to);
    const spanStart = open[0]?.opens_at ?? new Date(`${from}T00:00:00Z`);
    const spanEnd = open.at(-1)?.closes_at ?? new Date(`${to}T23:59:59Z`);
    const busy = await repo.busyBetween(tx, id, spanStart, spanEnd);
    const me = ctx.actor?.personId;
    return {
      resourceId: id,
      from,
      to,
      timeZone: TIME_ZONE,
      open: open.map((o) => ({ start: o.opens_at.toISOString(), end: o.closes_at.toISOString() })),
      busy: busy.map((b) => ({
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        bufferEnd: b.buffer_end.toISOString(),
        mine: me !== undefined && b.person_id === me,
      })),
    };
  });
}

/** The booking rules of the resource, checked before the database decides on overlaps. */
export async function checkSlot(
  tx: Tx,
  resource: repo.ResourceRow,
  start: Date,
  end: Date,
  staff: boolean,
) {
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  const step = resource.slot_step_minutes;
  const lengthOk = staff
    ? minutes >= step && minutes % step === 0
    : minutes >= resource.slot_min_minutes &&
      minutes <= resource.slot_max_minutes &&
      minutes % step === 0;
  if (
    !lengthOk ||
    localMinuteOfDay(start) % step !== 0 ||
    start.getSeconds() !== 0 ||
    start.getMilliseconds() !== 0
  ) {
    throw new AppError(422, 'invalidSlot', {
      step,
      min: resource.slot_min_minutes,
      max: resource.slot_max_minutes,
    });
  }
  const now = Date.now();
  if (
    !staff &&
    (start.getTime() < now || start.getTime() > now + resource.book_ahead_days * DAY_MS)
  ) {
    throw new AppError(422, 'bookingWindow', { days: resource.book_ahead_days });
  }
  if (!(await repo.isWithinOpeningHours(tx, resource.id, start, end, localDate(start)))) {
    throw new AppError(422, 'outsideOpeningHours');
  }
}

/** 23P01 is exclusion_violation: the time was taken, possibly a moment ago by another request. */
export function isOverlap(error: unknown) {
  return (error as { code?: string } | null)?.code === '23P01';
}

export interface ReservationInput {
  resourceId: string;
  start: string;
  end: string;
  purpose?: string;
  attendees?: number;
  /** Book for this organisation (the booker must be a member): its prices, its cart. */
  organisationId?: string;
  /** The version of the facility's terms of use the booker accepted. */
  termsVersion?: number;
}

export async function createReservation(ctx: Ctx, input: ReservationInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  const start = new Date(input.start);
  const end = new Date(input.end);
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const buyer = await buyerFor(tx, ctx, input.organisationId);
      const resource = await repo.findResource(tx, input.resourceId);
      if (!resource) throw notFound();
      await checkSlot(tx, resource, start, end, false);
      const termsVersion = await acceptedTermsVersion(tx, resource.id, input.termsVersion);
      const price = await bookingPrice(tx, resource, buyer.group, start, end);
      // A priced booking made at once is held (the time is taken) until it is paid; a request
      // is paid after staff approve it.
      const status =
        resource.booking_mode === 'approval'
          ? 'requested'
          : price.priceCents > 0
            ? 'held'
            : 'confirmed';
      const heldUntil = status === 'held' ? new Date(Date.now() + HOLD_MINUTES * 60_000) : null;
      const id = await repo.insertReservation(tx, {
        municipalityId: ctx.municipality.id,
        resourceId: resource.id,
        kind: 'booking',
        personId: actor.personId,
        start,
        end,
        bufferMinutes: resource.buffer_minutes,
        status,
        purpose: input.purpose ?? '',
        attendees: input.attendees ?? null,
        heldUntil,
        termsVersion,
        ...price,
        organisationId: buyer.organisationId,
      });
      await audit(tx, ctx, 'reservation.create', `reservation:${id}`, {
        resourceId: resource.id,
        organisationId: buyer.organisationId,
        termsVersion,
      });
      if (heldUntil) {
        await holdForPayment(tx, ctx.municipality.id, {
          ids: [id],
          personId: actor.personId,
          organisationId: buyer.organisationId,
          heldUntil,
        });
      }
      await syncAccessGrant(tx, ctx.municipality.id, id);
      const row = (await repo.findReservation(tx, id))!;
      if (status !== 'held') {
        const key = status === 'confirmed' ? 'reservationConfirmed' : 'reservationRequested';
        await notifyBooker(tx, ctx, row, key, '');
      }
      return toReservationView(row, ctx);
    });
  } catch (error) {
    if (isOverlap(error)) throw new AppError(409, 'slotTaken');
    throw error;
  }
}

/**
 * Staff book for a customer (a phone call, the front desk): the customer is found by email,
 * staff rules apply to the time (the grid and the opening hours, not the length limits or the
 * booking window), and the booking is confirmed at once. A priced booking waits in the
 * customer's cart for payment, as an approved request does. With an organisation, the
 * booking is the organisation's (its price, its cart), and the customer must be its member.
 */
export async function createReservationForCustomer(
  ctx: Ctx,
  input: ReservationInput & { customerEmail: string },
) {
  requireRole(ctx, ...STAFF);
  const start = new Date(input.start);
  const end = new Date(input.end);
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const resource = await repo.findResource(tx, input.resourceId);
      if (!resource) throw notFound();
      const customer = await findPersonByEmail(tx, input.customerEmail);
      if (!customer) throw new AppError(422, 'customerNotFound');
      await checkSlot(tx, resource, start, end, true);
      // For an association or a company: the caller is one of its members, who then pays in
      // the organisation's cart at the organisation's price.
      const organisationId = input.organisationId ?? null;
      let group = await customerGroupOfPerson(tx, customer.id);
      if (organisationId) {
        const organisation = await activeMembership(tx, organisationId, customer.id);
        if (!organisation) throw new AppError(422, 'customerNotOrganisationMember');
        group = organisation.kind;
      }
      const price = await bookingPrice(tx, resource, group, start, end);
      const heldUntil =
        price.priceCents > 0 ? new Date(Date.now() + APPROVED_PAYMENT_DAYS * 24 * 3_600_000) : null;
      const id = await repo.insertReservation(tx, {
        municipalityId: ctx.municipality.id,
        resourceId: resource.id,
        kind: 'booking',
        personId: customer.id,
        start,
        end,
        bufferMinutes: resource.buffer_minutes,
        status: heldUntil ? 'held' : 'confirmed',
        purpose: input.purpose ?? '',
        attendees: input.attendees ?? null,
        heldUntil,
        ...price,
        organisationId,
      });
      await audit(tx, ctx, 'reservation.createForCustomer', `reservation:${id}`, {
        resourceId: resource.id,
        customer: customer.id,
        organisationId,
      });
      if (heldUntil) {
        await holdForPayment(tx, ctx.municipality.id, {
          ids: [id],
          personId: customer.id,
          organisationId,
          heldUntil,
        });
      }
      await syncAccessGrant(tx, ctx.municipality.id, id);
      const row = (await repo.findReservation(tx, id))!;
      await notifyBooker(
        tx,
        ctx,
        row,
        heldUntil ? 'reservationBookedForYouPay' : 'reservationBookedForYou',
        '',
      );
      return toReservationView(row, ctx);
    });
  } catch (error) {
    if (isOverlap(error)) throw new AppError(409, 'slotTaken');
    throw error;
  }
}

export async function blockTime(
  ctx: Ctx,
  resourceId: string,
  input: { start: string; end: string; reason: string },
) {
  requireRole(ctx, ...STAFF);
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const resource = await repo.findResource(tx, resourceId);
      if (!resource) throw notFound();
      const start = new Date(input.start);
      const end = new Date(input.end);
      await checkSlot(tx, resource, start, end, true);
      const id = await repo.insertReservation(tx, {
        municipalityId: ctx.municipality.id,
        resourceId,
        kind: 'block',
        personId: null,
        start,
        end,
        bufferMinutes: 0,
        status: 'confirmed',
        purpose: input.reason,
        attendees: null,
      });
      await audit(tx, ctx, 'reservation.block', `reservation:${id}`, { resourceId });
      return toReservationView((await repo.findReservation(tx, id))!, ctx);
    });
  } catch (error) {
    if (isOverlap(error)) throw new AppError(409, 'slotTaken');
    throw error;
  }
}

const isStaff = (ctx: Ctx) => ctx.roles.some((role) => (STAFF as readonly string[]).includes(role));

export function toReservationView(row: repo.ReservationRow, ctx: Ctx) {
  const staff = isStaff(ctx);
  const own = ctx.actor !== null && row.person_id === ctx.actor.personId;
  const active = row.status === 'held' || row.status === 'requested' || row.status === 'confirmed';
  const paid = row.order_status === 'paid';
  return {
    id: row.id,
    resourceId: row.resource_id,
    resourceName: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    kind: row.kind,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    status: row.status,
    purpose: row.purpose,
    attendees: row.attendees,
    decisionReason: row.decision_reason,
    cancelReason: row.cancel_reason,
    seriesId: row.series_id,
    bookerName: staff || own ? row.booker_name : null,
    createdAt: row.created_at.toISOString(),
    canCancel: active && (staff || (own && row.start.getTime() > Date.now())),
    priceCents: row.price_cents,
    payment:
      row.price_cents === 0
        ? ('free' as const)
        : row.refunded_cents > 0
          ? row.refund_kind === 'credit'
            ? ('credited' as const)
            : ('refunded' as const)
          : paid
            ? ('paid' as const)
            : row.order_status === 'invoiced'
              ? ('invoiced' as const)
              : ('unpaid' as const),
    heldUntil: row.held_until?.toISOString() ?? null,
    refundedCents: row.refunded_cents,
    freeCancellationUntil:
      row.price_cents > 0
        ? new Date(row.start.getTime() - row.cancel_free_hours * 3_600_000).toISOString()
        : null,
    organisation: row.organisation_id
      ? { id: row.organisation_id, name: row.organisation_name ?? '' }
      : null,
    termsVersion: row.terms_version,
    access:
      own && row.access_pin
        ? {
            pin: row.access_pin,
            validFrom: row.access_valid_from!.toISOString(),
            validUntil: row.access_valid_until!.toISOString(),
          }
        : null,
  };
}

export async function listMyReservations(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) =>
    (await repo.reservationsOfPerson(tx, actor.personId)).map((row) => toReservationView(row, ctx)),
  );
}

export async function listReservationsForStaff(
  ctx: Ctx,
  status: repo.ReservationRow['status'] | null,
) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await repo.reservationsForStaff(tx, status, new Date());
    await audit(tx, ctx, 'reservation.list', null, { status, count: rows.length });
    return rows.map((row) => toReservationView(row, ctx));
  });
}

/**
 * Tell the booker, in their own language, what happened to the booking: an in-app
 * notification and an email (through the outbox, sent only if the transaction commits).
 */
export async function notifyBooker(
  tx: Tx,
  ctx: Ctx,
  row: repo.ReservationRow,
  key:
    | 'reservationConfirmed'
    | 'reservationRequested'
    | 'reservationDenied'
    | 'reservationCancelled'
    | 'reservationApprovedPay'
    | 'reservationBookedForYou'
    | 'reservationBookedForYouPay',
  reason: string,
) {
  if (!row.person_id) return;
  const person = await tx
    .selectFrom('people')
    .select(['language', 'email'])
    .where('id', '=', row.person_id)
    .executeTakeFirst();
  const language = isLanguage(person?.language) ? person.language : 'fi';
  const params = {
    resource: { fi: row.name_fi, sv: row.name_sv, en: row.name_en }[language],
    time: formatTimeSpan(language, row.start, row.end),
    reason: reason || '–',
  };
  const title = translate(language, `notification.${key}`, params);
  const body =
    translate(language, `notification.${key}.body`, params) +
    (await accessPinText(tx, row.id, language));
  await notifyPerson(
    tx,
    ctx,
    { id: row.person_id, email: person?.email ?? null, language },
    { title, body, link: `/${ctx.municipality.slug}/bookings/mine` },
    'bookings',
  );
}

export async function decideReservation(ctx: Ctx, id: string, approve: boolean, reason: string) {
  requireRole(ctx, ...STAFF);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findReservation(tx, id, true);
    if (!row) throw notFound();
    if (row.status !== 'requested') throw new AppError(409, 'notRequested');
    // An approved request with a price waits in the booker's cart for payment.
    const payable = approve && row.price_cents > 0 && row.person_id !== null;
    const heldUntil = payable
      ? new Date(Date.now() + APPROVED_PAYMENT_DAYS * 24 * 3_600_000)
      : null;
    await repo.decide(
      tx,
      id,
      approve ? (payable ? 'held' : 'confirmed') : 'denied',
      actor.personId,
      reason || null,
      heldUntil,
    );
    let key: Parameters<typeof notifyBooker>[3] = approve
      ? 'reservationConfirmed'
      : 'reservationDenied';
    if (heldUntil) {
      // Into the cart of whoever it was booked for: the booker's own, or their organisation's.
      await holdForPayment(tx, ctx.municipality.id, {
        ids: [id],
        personId: row.person_id!,
        organisationId: row.organisation_id,
        heldUntil,
      });
      key = 'reservationApprovedPay';
    }
    await syncAccessGrant(tx, ctx.municipality.id, id);
    await audit(tx, ctx, approve ? 'reservation.approve' : 'reservation.deny', `reservation:${id}`);
    await notifyBooker(tx, ctx, (await repo.findReservation(tx, id))!, key, reason);
    return toReservationView((await repo.findReservation(tx, id))!, ctx);
  });
}

export async function cancelReservation(ctx: Ctx, id: string, reason: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findReservation(tx, id, true);
    // Someone else's booking is "not found" to a resident: its existence is not theirs to know.
    if (!row || (!isStaff(ctx) && row.person_id !== actor.personId)) throw notFound();
    const view = toReservationView(row, ctx);
    if (!view.canCancel) throw new AppError(409, 'notCancellable');
    // While the payment is under way the booking is the provider's to settle.
    if (row.status === 'held' && row.order_status === 'pending')
      throw new AppError(409, 'paymentInProgress');
    await repo.cancel(tx, id, reason || null);
    await syncAccessGrant(tx, ctx.municipality.id, id);
    await audit(tx, ctx, 'reservation.cancel', `reservation:${id}`);
    // An unpaid hold leaves the cart; a paid booking is refunded by the cancellation rule.
    await removeReservationFromCart(tx, id);
    await refundCancelled(
      tx,
      ctx,
      { reservationId: id },
      { start: row.start, cancelFreeHours: row.cancel_free_hours, byStaff: isStaff(ctx) },
      reason,
    );
    if (row.person_id !== actor.personId)
      await notifyBooker(tx, ctx, row, 'reservationCancelled', reason);
    return toReservationView((await repo.findReservation(tx, id))!, ctx);
  });
}
