import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { lineAmounts, orderTotals } from './money.js';
import { customerGroupOf, loadProducts, priceFor } from './products.js';
import { invoiceOfOrder } from '../payments/invoices.repo.js';
import { cartMayBeInvoiced } from './invoice-rule.js';

async function openCart(tx: Tx, ctx: AuthenticatedCtx, create: boolean) {
  const find = () =>
    tx
      .selectFrom('orders')
      .select(['id', 'customer_group'])
      .where('person_id', '=', ctx.actor.personId)
      .where('status', '=', 'cart')
      .forUpdate()
      .executeTakeFirst();
  const existing = await find();
  if (existing || !create) return existing ?? null;
  // One cart per person: a concurrent first add finds the other's cart.
  await sql`insert into orders (municipality_id, person_id, customer_group)
            values (${ctx.municipality.id}, ${ctx.actor.personId}, ${customerGroupOf(ctx)})
            on conflict (municipality_id, person_id) where status = 'cart' do nothing`.execute(tx);
  return (await find())!;
}

/**
 * Prices come from the server only: every change to the cart prices all its lines again with
 * the current prices for the person's customer group and stores the totals.
 */
async function reprice(tx: Tx, ctx: AuthenticatedCtx, orderId: string) {
  const lines = await tx
    .selectFrom('order_lines')
    .select(['id', 'product_id', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  const products = await loadProducts(
    tx,
    lines.map((l) => l.product_id),
  );
  const group = customerGroupOf(ctx);
  const priced = [];
  for (const line of lines) {
    const product = products.find((p) => p.id === line.product_id);
    const price = product ? priceFor(product, group) : null;
    if (!product || price === null) throw new AppError(422, 'notForSale');
    const amounts = lineAmounts({
      unitPriceCents: price,
      quantity: line.quantity,
      vatRateBp: product.vatRateBp,
    });
    await tx
      .updateTable('order_lines')
      .set({
        name: product.name[ctx.language],
        unit_price_cents: price,
        vat_rate_bp: product.vatRateBp,
        total_cents: amounts.totalCents,
        vat_cents: amounts.vatCents,
      })
      .where('id', '=', line.id)
      .execute();
    priced.push({ unitPriceCents: price, quantity: line.quantity, vatRateBp: product.vatRateBp });
  }
  const totals = orderTotals(priced);
  await tx
    .updateTable('orders')
    .set({ total_cents: totals.totalCents, vat_cents: totals.vatCents, customer_group: group })
    .where('id', '=', orderId)
    .execute();
}

export async function orderView(tx: Tx, orderId: string) {
  const order = await tx
    .selectFrom('orders')
    .select([
      'id',
      'status',
      'customer_group',
      'total_cents',
      'vat_cents',
      'created_at',
      'paid_at',
      'person_id',
    ])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const lines = await tx
    .selectFrom('order_lines')
    .select([
      'product_id',
      'name',
      'quantity',
      'unit_price_cents',
      'vat_rate_bp',
      'total_cents',
      'vat_cents',
    ])
    .where('order_id', '=', orderId)
    .orderBy('name')
    .execute();
  const totals = orderTotals(
    lines.map((l) => ({
      unitPriceCents: l.unit_price_cents,
      quantity: l.quantity,
      vatRateBp: l.vat_rate_bp,
    })),
  );
  return {
    id: order.id,
    personId: order.person_id,
    status: order.status,
    customerGroup: order.customer_group,
    lines: lines.map((l) => ({
      productId: l.product_id,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
      vatRateBp: l.vat_rate_bp,
      totalCents: l.total_cents,
      vatCents: l.vat_cents,
    })),
    totalCents: order.total_cents,
    vatCents: order.vat_cents,
    vat: totals.vat,
    createdAt: order.created_at.toISOString(),
    paidAt: order.paid_at?.toISOString() ?? null,
  };
}

const EMPTY_CART = {
  id: null,
  status: 'cart' as const,
  lines: [],
  totalCents: 0,
  vatCents: 0,
  vat: [],
  invoiceAllowed: false,
};

export async function getCart(ctx: Ctx) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const cart = await openCart(tx, ctx, false);
    if (!cart) return EMPTY_CART;
    const invoiceAllowed = await cartMayBeInvoiced(tx, cart.id);
    return { ...publicView((await orderView(tx, cart.id))!), invoiceAllowed };
  });
}

/** The buyer's own invoice, without whose it is (they know). */
function buyersInvoice(invoice: Awaited<ReturnType<typeof invoiceOfOrder>>) {
  if (!invoice) return null;
  const { personId: _personId, customer: _customer, ...rest } = invoice;
  return rest;
}

function publicView(view: NonNullable<Awaited<ReturnType<typeof orderView>>>) {
  const { personId: _personId, ...rest } = view;
  return rest;
}

/** Set the quantity of a product in the cart (0 removes it). */
export async function setCartLine(ctx: Ctx, productId: string, quantity: number) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const [product] = await loadProducts(tx, [productId]);
    if (!product) throw notFound();
    if (quantity > product.maxPerOrder)
      throw new AppError(422, 'quantity', { max: product.maxPerOrder });
    const cart = await openCart(tx, ctx, quantity > 0);
    if (!cart) return EMPTY_CART;
    if (quantity === 0) {
      await tx
        .deleteFrom('order_lines')
        .where('order_id', '=', cart.id)
        .where('product_id', '=', productId)
        .execute();
    } else {
      await sql`insert into order_lines (municipality_id, order_id, product_id, name, quantity, unit_price_cents,
                                         vat_rate_bp, total_cents, vat_cents)
                values (${ctx.municipality.id}, ${cart.id}, ${productId}, '', ${quantity}, 0, 0, 0, 0)
                on conflict (order_id, product_id) do update set quantity = excluded.quantity,
                  unit_price_cents = 0, total_cents = 0, vat_cents = 0`.execute(tx);
    }
    await reprice(tx, ctx, cart.id);
    await audit(tx, ctx, 'cart.set', `order:${cart.id}`, { productId, quantity });
    const invoiceAllowed = await cartMayBeInvoiced(tx, cart.id);
    return { ...publicView((await orderView(tx, cart.id))!), invoiceAllowed };
  });
}

/** Freeze the cart into an order waiting for payment. */
export async function placeOrder(tx: Tx, ctx: AuthenticatedCtx) {
  const cart = await openCart(tx, ctx, false);
  if (!cart) throw new AppError(422, 'emptyCart');
  await reprice(tx, ctx, cart.id);
  const view = (await orderView(tx, cart.id))!;
  if (view.lines.length === 0) throw new AppError(422, 'emptyCart');
  await tx.updateTable('orders').set({ status: 'pending' }).where('id', '=', cart.id).execute();
  await audit(tx, ctx, 'order.place', `order:${cart.id}`, { totalCents: view.totalCents });
  return view;
}

export async function getOrder(ctx: Ctx, id: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const view = await orderView(tx, id);
    if (!view || view.personId !== actor.personId) throw notFound();
    return { ...publicView(view), invoice: buyersInvoice(await invoiceOfOrder(tx, id)) };
  });
}
