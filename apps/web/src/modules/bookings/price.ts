/**
 * How long the API keeps a priced booking for its booker before it is released unpaid
 * (HOLD_MINUTES and APPROVED_PAYMENT_DAYS in apps/api/src/modules/bookings/booking-payments.ts).
 * Used only to describe the rule before booking; a booking's own deadline comes as heldUntil.
 */
export const HOLD_MINUTES = 15;
export const APPROVED_PAYMENT_DAYS = 3;

/**
 * The price of a booking of `minutes` at an hourly price, rounded to the cent as the server
 * rounds it (the server's price is the one charged; this one is shown before booking).
 */
export const bookingPriceCents = (pricePerHourCents: number, minutes: number) =>
  Math.round((pricePerHourCents * minutes) / 60);

/** A paid booking cancelled by its booker now is refunded in full only until this time. */
export const refundsInFull = (freeCancellationUntil: string | null, now = Date.now()) =>
  freeCancellationUntil !== null && now <= Date.parse(freeCancellationUntil);
