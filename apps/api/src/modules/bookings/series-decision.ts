import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import * as repo from './bookings.repo.js';
import { syncAccessGrant } from '../access/access.service.js';
import { APPROVED_PAYMENT_DAYS, holdForPayment } from './booking-payments.js';
import { notifySeries } from './series-notices.js';

const STAFF = ['facility_admin', 'admin'] as const;

/**
 * Staff decide a season request as a whole (the coming weeks still waiting for a decision),
 * as they allocate a hall's regular slots to clubs. Approved weeks with a price are held
 * together in the cart of whoever they were booked for — the booker's own, or the one they
 * fill for their organisation — to be paid or invoiced as one order within
 * APPROVED_PAYMENT_DAYS; one release job serves the series. The booker is told once.
 */
export async function decideReservationSeries(
  ctx: Ctx,
  seriesId: string,
  approve: boolean,
  reason: string,
) {
  requireRole(ctx, ...STAFF);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const weeks = await sql<{
      id: string;
      person_id: string;
      organisation_id: string | null;
      price_cents: number;
      start: Date;
      end: Date;
      name_fi: string;
      name_sv: string;
      name_en: string;
    }>`
      select r.id, r.person_id, r.organisation_id, r.price_cents,
             lower(r.during) as start, upper(r.during) as end, s.name_fi, s.name_sv, s.name_en
      from reservations r join resources s on s.id = r.resource_id
      where r.series_id = ${seriesId} and r.status = 'requested' and lower(r.during) > now()
      order by lower(r.during)
      for update of r`.execute(tx);
    if (weeks.rows.length === 0) {
      const exists = await tx
        .selectFrom('reservations')
        .select('id')
        .where('series_id', '=', seriesId)
        .executeTakeFirst();
      if (!exists) throw notFound();
      throw new AppError(409, 'notRequested');
    }
    const booker = weeks.rows[0]!;
    const totalCents = weeks.rows.reduce((sum, w) => sum + w.price_cents, 0);
    const payable = approve && totalCents > 0;
    const heldUntil = payable
      ? new Date(Date.now() + APPROVED_PAYMENT_DAYS * 24 * 3_600_000)
      : null;
    const status: 'denied' | 'held' | 'confirmed' = !approve
      ? 'denied'
      : payable
        ? 'held'
        : 'confirmed';
    for (const week of weeks.rows) {
      await repo.decide(tx, week.id, status, actor.personId, reason || null, heldUntil);
    }
    if (heldUntil) {
      await holdForPayment(tx, ctx.municipality.id, {
        ids: weeks.rows.map((w) => w.id),
        personId: booker.person_id,
        organisationId: booker.organisation_id,
        heldUntil,
        seriesId,
      });
    }
    for (const week of weeks.rows) await syncAccessGrant(tx, ctx.municipality.id, week.id);
    await audit(
      tx,
      ctx,
      approve ? 'reservation.approveSeries' : 'reservation.denySeries',
      `series:${seriesId}`,
      {
        decided: weeks.rows.length,
        totalCents,
      },
    );
    await notifySeries(
      tx,
      ctx,
      weeks.rows.map((w) => ({
        personId: w.person_id,
        start: w.start,
        end: w.end,
        resource: { fi: w.name_fi, sv: w.name_sv, en: w.name_en },
      })),
      !approve
        ? 'reservationSeriesDenied'
        : payable
          ? 'reservationSeriesApprovedPay'
          : 'reservationSeriesApproved',
      { reason, totalCents },
    );
    return { decided: weeks.rows.length, status, totalCents };
  });
}
