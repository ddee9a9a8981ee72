import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import type { FreePlaceAgeGroup } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import * as repo from './free-places.repo.js';

/**
 * Free-place alerts for residents: the public list of free places, subscriptions to a unit's
 * age group, and the one-click stop by the token in every alert. Staff record the places in
 * free-places.record.ts.
 */

/** Enough for a family comparing every unit near home; bounds what one person can make us send. */
export const MAX_SUBSCRIPTIONS = 20;

const newToken = () => randomBytes(32).toString('base64url');

/** Every unit of the municipality with its current free places: public, no login. */
export async function listFreePlaces(ctx: Ctx) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const units = await tx
      .selectFrom('daycare_units')
      .select(['id', 'name', 'address'])
      .orderBy('name')
      .execute();
    const places = await repo.currentFreePlaces(tx, null);
    return {
      units: units.map((u) => ({
        ...u,
        freePlaces: places.filter((p) => p.unit_id === u.id).map(repo.toFreePlace),
      })),
    };
  });
}

const toSubscription = (row: Awaited<ReturnType<typeof repo.subscriptionsOf>>[number]) => ({
  id: row.id,
  unit: { id: row.unit_id, name: row.unit_name },
  ageGroup: row.age_group,
  createdAt: row.created_at.toISOString(),
});

export async function listMySubscriptions(ctx: Ctx) {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) =>
    (await repo.subscriptionsOf(tx, personId)).map(toSubscription),
  );
}

/**
 * Any signed-in resident subscribes to a unit's age group. Subscribing again to the same one
 * changes nothing and answers with the subscription there is.
 */
export async function subscribeFreePlaceAlerts(
  ctx: Ctx,
  input: { unitId: string; ageGroup: FreePlaceAgeGroup },
) {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await repo.findUnit(tx, input.unitId))) throw notFound();
    // Serialise one person's subscribing, so two tabs cannot pass the limit together.
    await sql`select pg_advisory_xact_lock(hashtext('free-place-subscriptions'), hashtext(${personId}))`.execute(
      tx,
    );
    const mine = await repo.subscriptionsOf(tx, personId);
    const existing = mine.find((s) => s.unit_id === input.unitId && s.age_group === input.ageGroup);
    if (existing) return { created: false, subscription: toSubscription(existing) };
    if (mine.length >= MAX_SUBSCRIPTIONS) {
      throw new AppError(422, 'freePlaceSubscriptionLimit', { max: MAX_SUBSCRIPTIONS });
    }
    const { id } = await tx
      .insertInto('daycare_free_place_subscriptions')
      .values({
        municipality_id: ctx.municipality.id,
        person_id: personId,
        unit_id: input.unitId,
        age_group: input.ageGroup,
        unsubscribe_token: newToken(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'daycare.freePlaces.subscribe', `daycare_unit:${input.unitId}`, {
      subscriptionId: id,
      ageGroup: input.ageGroup,
    });
    const created = (await repo.subscriptionsOf(tx, personId)).find((s) => s.id === id)!;
    return { created: true, subscription: toSubscription(created) };
  });
}

/** The resident removes one of their own subscriptions; another person's does not exist. */
export async function removeMySubscription(ctx: Ctx, subscriptionId: string) {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const ended = await tx
      .updateTable('daycare_free_place_subscriptions')
      .set({ ended_at: sql`now()` })
      .where('id', '=', subscriptionId)
      .where('person_id', '=', personId)
      .where('ended_at', 'is', null)
      .returning(['unit_id', 'age_group'])
      .executeTakeFirst();
    if (!ended) throw notFound();
    await audit(tx, ctx, 'daycare.freePlaces.unsubscribe', `daycare_unit:${ended.unit_id}`, {
      subscriptionId,
      ageGroup: ended.age_group,
    });
  });
}

/**
 * The one-click stop from an alert: the token alone says which subscription, no login. The
 * web page posts it when opened (a GET of the link itself changes nothing, so a mail
 * scanner's prefetch does not unsubscribe anyone). `subscribe: true` takes the stop back, from
 * the same page. An unknown token is a 404 and changes nothing.
 */
export async function setSubscriptionByToken(ctx: Ctx, token: string, subscribe: boolean) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.subscriptionByToken(tx, token);
    if (!row) throw notFound();
    const live = row.ended_at === null;
    let subscribed = live;
    if (!subscribe && live) {
      await tx
        .updateTable('daycare_free_place_subscriptions')
        .set({ ended_at: sql`now()` })
        .where('id', '=', row.id)
        .execute();
      subscribed = false;
    } else if (subscribe && !live) {
      // Subscribed anew in the app meanwhile: that subscription stands, this one stays ended.
      if (!(await repo.hasLiveSubscription(tx, row.person_id, row.unit_id, row.age_group))) {
        if ((await repo.subscriptionsOf(tx, row.person_id)).length >= MAX_SUBSCRIPTIONS) {
          throw new AppError(422, 'freePlaceSubscriptionLimit', { max: MAX_SUBSCRIPTIONS });
        }
        await tx
          .updateTable('daycare_free_place_subscriptions')
          .set({ ended_at: null })
          .where('id', '=', row.id)
          .execute();
      }
      subscribed = true;
    }
    if (subscribed !== live) {
      // The token stands for its subscriber: the record names them, not whoever opened it.
      await audit(
        tx,
        { ...ctx, actor: { personId: row.person_id } },
        subscribe
          ? 'daycare.freePlaces.resubscribeByToken'
          : 'daycare.freePlaces.unsubscribeByToken',
        `daycare_unit:${row.unit_id}`,
        { subscriptionId: row.id, ageGroup: row.age_group },
      );
    }
    return {
      unit: { id: row.unit_id, name: row.unit_name },
      ageGroup: row.age_group,
      subscribed,
    };
  });
}
