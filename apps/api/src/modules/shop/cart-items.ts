import type { Tx } from '../../platform/db/database.js';
import { isLanguage } from '../../platform/i18n/messages.js';
import { groupOfBuyer } from '../organisations/buyer.js';
import { openCartOf, reprice, type BuyerRef } from './orders.js';

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
  for (const cart of carts.values()) {
    await reprice(
      tx,
      cart.order_id,
      cart.customer_group,
      isLanguage(cart.language) ? cart.language : 'fi',
    );
  }
}
