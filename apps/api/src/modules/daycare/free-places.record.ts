import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import type { FreePlaceAgeGroup } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireRole, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { isLanguage, translate, type Language } from '../../platform/i18n/messages.js';
import { notifyPeople } from '../../platform/notifications/notifications.service.js';
import { memberUnitIds } from './daycare.repo.js';
import { addDays, localToday } from './days.js';
import * as repo from './free-places.repo.js';

/** Free places as the unit's staff (or an administrator) record and end them. */

/** How far ahead free places can be recorded: the next operating year at most. */
export const MAX_DAYS_AHEAD = 365;

/** The units whose free places the person manages: their own, or every unit for an admin. */
async function managedUnitIds(tx: Tx, ctx: AuthenticatedCtx): Promise<string[]> {
  if (ctx.roles.includes('admin')) {
    return (await tx.selectFrom('daycare_units').select('id').execute()).map((u) => u.id);
  }
  return memberUnitIds(tx, ctx.actor.personId);
}

export async function listStaffFreePlaces(ctx: Ctx) {
  requireRole(ctx, 'daycare_staff', 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unitIds = await managedUnitIds(tx, ctx);
    if (unitIds.length === 0) return { units: [] };
    const units = await tx
      .selectFrom('daycare_units as u')
      .select([
        'u.id',
        'u.name',
        (eb) =>
          eb
            .selectFrom('daycare_free_place_subscriptions as s')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('s.unit_id', '=', 'u.id')
            .where('s.ended_at', 'is', null)
            .as('subscribers'),
      ])
      .where('u.id', 'in', unitIds)
      .orderBy('u.name')
      .execute();
    const places = await repo.currentFreePlaces(tx, unitIds);
    return {
      units: units.map((u) => ({
        id: u.id,
        name: u.name,
        subscribers: Number(u.subscribers ?? 0),
        freePlaces: places
          .filter((p) => p.unit_id === u.id)
          .map((p) => ({
            ...repo.toFreePlace(p),
            notified: p.notified,
            createdAt: p.created_at.toISOString(),
          })),
      })),
    };
  });
}

/** "2026-12-01" → "1.12.2026" (Finnish, Swedish), "1 December 2026" (English). */
export function formatDay(language: Language, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (language !== 'en') return `${d}.${m}.${y}`;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/**
 * Staff record free places of their unit for an age group from a date. Every live subscriber
 * of that unit and age group is told at once, in the same transaction (in the app, by email
 * and by whatever else notifyPeople delivers), each with the link that stops their own
 * subscription.
 */
export async function recordFreePlaces(
  ctx: Ctx,
  input: {
    unitId: string;
    ageGroup: FreePlaceAgeGroup;
    fromDate: string;
    places: number;
    note: string;
  },
) {
  requireRole(ctx, 'daycare_staff', 'admin');
  const today = localToday();
  if (input.fromDate < today) throw new AppError(422, 'freePlaceDatePast');
  if (input.fromDate > addDays(today, MAX_DAYS_AHEAD)) {
    throw new AppError(422, 'freePlaceDateTooFar', { days: MAX_DAYS_AHEAD });
  }
  const note = input.note.trim();
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unit = await repo.findUnit(tx, input.unitId);
    if (!unit) throw notFound();
    if (!(await managedUnitIds(tx, ctx)).includes(unit.id)) throw forbidden();
    const subscribers = await repo.subscribersOf(tx, unit.id, input.ageGroup);
    const { id } = await tx
      .insertInto('daycare_free_places')
      .values({
        municipality_id: ctx.municipality.id,
        unit_id: unit.id,
        age_group: input.ageGroup,
        from_date: input.fromDate,
        places: input.places,
        note,
        notified: subscribers.length,
        created_by: ctx.actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const freePlace = {
      id,
      unitId: unit.id,
      ageGroup: input.ageGroup,
      fromDate: input.fromDate,
      places: input.places,
      note,
    };
    // A popular unit may have thousands of subscribers: a statement per thousand.
    for (let i = 0; i < subscribers.length; i += 1000) {
      await notifyPeople(
        tx,
        ctx,
        subscribers.slice(i, i + 1000).map((person) => {
          const language = isLanguage(person.language) ? person.language : 'fi';
          const params = {
            unit: unit.name,
            ageGroup: translate(language, `daycare.ageGroup.${input.ageGroup}`),
            places: input.places,
            date: formatDay(language, input.fromDate),
            note,
          };
          return {
            topic: 'freePlaces' as const,
            person: { id: person.id, email: person.email, language },
            message: {
              title: translate(language, 'notification.freePlaces', params),
              body: [
                translate(language, 'notification.freePlaces.body', params),
                note ? translate(language, 'notification.freePlaces.note', params) : '',
                translate(language, 'notification.freePlaces.unsubscribe'),
              ]
                .filter(Boolean)
                .join(' '),
              link: `/${ctx.municipality.slug}/daycare/free-places/stop/${person.unsubscribe_token}`,
            },
          };
        }),
      );
    }
    await audit(tx, ctx, 'daycare.freePlaces.record', `daycare_unit:${unit.id}`, {
      freePlaceId: id,
      ageGroup: input.ageGroup,
      fromDate: input.fromDate,
      places: input.places,
      notified: subscribers.length,
    });
    return { freePlace, notified: subscribers.length };
  });
}

/** The places are taken (or were never free): staff end the record; ending it again is a no-op. */
export async function endFreePlaces(ctx: Ctx, freePlaceId: string) {
  requireRole(ctx, 'daycare_staff', 'admin');
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await tx
      .selectFrom('daycare_free_places')
      .select(['id', 'unit_id', 'ended_at'])
      .where('id', '=', freePlaceId)
      .forUpdate()
      .executeTakeFirst();
    // Another unit's records do not exist for this person.
    if (!row || !(await managedUnitIds(tx, ctx)).includes(row.unit_id)) throw notFound();
    if (row.ended_at !== null) return;
    await tx
      .updateTable('daycare_free_places')
      .set({ ended_at: sql`now()`, ended_by: actor.personId })
      .where('id', '=', row.id)
      .execute();
    await audit(tx, ctx, 'daycare.freePlaces.end', `daycare_unit:${row.unit_id}`, {
      freePlaceId: row.id,
    });
  });
}
