import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { isLanguage, type Language } from '../../platform/i18n/messages.js';
import type { CustomerGroup } from '../../platform/db/schema.js';
import { groupOfBuyer } from '../organisations/buyer.js';
import { openCartOf, reprice, repriceAll, type BuyerRef } from './orders.js';

/**
 * Held things in carts: bookings and course seats wait in their buyer's cart, priced when they
 * were made, until paid, removed or released.
 */

/**
 * Put held bookings into their buyer's cart (the booker's own, or the one they fill for their
 * organisation), priced with the buyer's group and the person's language. A season of weeks
 * goes in with one repricing.
 */
export async function addReservationsToCart(
  tx: Tx,
  municipalityId: string,
  buyer: BuyerRef,
  reservationIds: string[],
) {
  return addHeldItemsToCart(
    tx,
    municipalityId,
    buyer,
    reservationIds.map((id) => ({ reservation_id: id })),
  );
}

/** Put a held course seat into its guardian's cart. */
export async function addRegistrationToCart(
  tx: Tx,
  municipalityId: string,
  personId: string,
  registrationId: string,
) {
  return addHeldItemsToCart(tx, municipalityId, { personId, organisationId: null }, [
    { registration_id: registrationId },
  ]);
}

/**
 * Put held course seats into their guardians' carts, many guardians at once (a registration
 * rush): the carts, their new lines and their prices take a statement each, not a round of
 * statements per guardian.
 */
export async function addRegistrationsToCarts(
  tx: Tx,
  municipalityId: string,
  seats: { personId: string; group: CustomerGroup; language: Language; registrationId: string }[],
) {
  if (seats.length === 0) return;
  const people = [...new Map(seats.map((seat) => [seat.personId, seat])).values()];
  // One cart per person: the unique index settles a concurrent first add.
  await sql`insert into orders (municipality_id, person_id, customer_group)
            select ${municipalityId}, person_id, customer_group
            from unnest(${people.map((p) => p.personId)}::uuid[], ${people.map((p) => p.group)}::text[])
                 as t(person_id, customer_group)
            on conflict (municipality_id, person_id)
              where status = 'cart' and organisation_id is null do nothing`.execute(tx);
  const carts = await tx
    .selectFrom('orders')
    .select(['id', 'person_id', 'customer_group'])
    .where(
      'person_id',
      'in',
      people.map((p) => p.personId),
    )
    .where('status', '=', 'cart')
    .where('organisation_id', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  const cartOf = new Map(carts.map((cart) => [cart.person_id, cart.id]));
  // A cart that existed already keeps its customer group, as addHeldItemToCart does.
  const groupOf = new Map(carts.map((cart) => [cart.id, cart.customer_group]));
  await tx
    .insertInto('order_lines')
    .values(
      seats.map((seat) => ({
        municipality_id: municipalityId,
        order_id: cartOf.get(seat.personId)!,
        registration_id: seat.registrationId,
        name: '',
        quantity: 1,
        unit_price_cents: 0,
        vat_rate_bp: 0,
        total_cents: 0,
        vat_cents: 0,
      })),
    )
    .execute();
  await repriceAll(
    tx,
    people.map((p) => {
      const orderId = cartOf.get(p.personId)!;
      return { orderId, group: groupOf.get(orderId)!, language: p.language };
    }),
  );
}

async function addHeldItemsToCart(
  tx: Tx,
  municipalityId: string,
  buyer: BuyerRef,
  items: ({ reservation_id: string } | { registration_id: string })[],
) {
  if (items.length === 0) return null;
  const group = await groupOfBuyer(tx, buyer.personId, buyer.organisationId);
  const person = await tx
    .selectFrom('people')
    .select('language')
    .where('id', '=', buyer.personId)
    .executeTakeFirst();
  const cart = (await openCartOf(tx, municipalityId, buyer, group, true))!;
  await tx
    .insertInto('order_lines')
    .values(
      items.map((item) => ({
        municipality_id: municipalityId,
        order_id: cart.id,
        ...item,
        name: '',
        quantity: 1,
        unit_price_cents: 0,
        vat_rate_bp: 0,
        total_cents: 0,
        vat_cents: 0,
      })),
    )
    .execute();
  await reprice(
    tx,
    cart.id,
    cart.customer_group,
    isLanguage(person?.language) ? person.language : 'fi',
  );
  return cart.id;
}

/**
 * Take bookings that are no longer held (cancelled, or their hold ran out) out of the carts
 * they are in; each cart is repriced once. Orders already sent to payment keep the line: the
 * payment may still arrive, and then fulfilment either takes the time again or refunds it.
 */
export async function removeReservationsFromCart(tx: Tx, reservationIds: string[]) {
  return removeHeldItemsFromCart(tx, 'reservation_id', reservationIds);
}

export async function removeReservationFromCart(tx: Tx, reservationId: string) {
  return removeHeldItemsFromCart(tx, 'reservation_id', [reservationId]);
}

/** Take a course seat that is no longer held out of the cart it is in. */
export async function removeRegistrationFromCart(tx: Tx, registrationId: string) {
  return removeHeldItemsFromCart(tx, 'registration_id', [registrationId]);
}

async function removeHeldItemsFromCart(
  tx: Tx,
  column: 'reservation_id' | 'registration_id',
  ids: string[],
) {
  if (ids.length === 0) return;
  const lines = await tx
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .select(['order_lines.id', 'orders.id as order_id', 'orders.customer_group', 'people.language'])
    .where(`order_lines.${column}`, 'in', ids)
    .where('orders.status', '=', 'cart')
    .execute();
  if (lines.length === 0) return;
  await tx
    .deleteFrom('order_lines')
    .where(
      'id',
      'in',
      lines.map((l) => l.id),
    )
    .execute();
  const carts = new Map(lines.map((l) => [l.order_id, l]));
  await repriceAll(
    tx,
    [...carts.values()].map((cart) => ({
      orderId: cart.order_id,
      group: cart.customer_group,
      language: isLanguage(cart.language) ? cart.language : 'fi',
    })),
  );
}
