import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { lineAmounts, orderTotals } from './money.js';
import { loadProducts, priceFor } from './products.js';
import type { Language } from '../../platform/i18n/messages.js';
import { formatTimeSpan } from '../../platform/i18n/time.js';
import type { CustomerGroup } from '../../platform/db/schema.js';
import { invoiceOfOrder } from '../payments/invoices.repo.js';
import { cartMayBeInvoiced } from './invoice-rule.js';
import { activeMembership, buyerFor, type Buyer } from '../organisations/buyer.js';
import { orderView, type OrderView } from './order-view.js';

export { orderView } from './order-view.js';

/** Whose cart: a person's own (organisationId null), or the one they fill for an organisation. */
export type BuyerRef = Pick<Buyer, 'personId' | 'organisationId'>;

/** How long a booking stays held once its order goes to the payment provider. */
export const PAYMENT_HOLD_MINUTES = 30;

/**
 * At checkout every booking and course seat in the order must still be held; the holds are
 * extended so that the payment has time to finish (the expiry jobs look at held_until again
 * when they run).
 */
async function holdItemsForPayment(tx: Tx, orderId: string) {
  const held = await sql<{ table: string; id: string; status: string; held_until: Date | null }>`
    select 'reservations' as table, r.id, r.status, r.held_until
    from order_lines l join reservations r on r.id = l.reservation_id
    where l.order_id = ${orderId}
    union all
    select 'course_registrations', g.id, g.status, g.held_until
    from order_lines l join course_registrations g on g.id = l.registration_id
    where l.order_id = ${orderId}`.execute(tx);
  const now = Date.now();
  if (held.rows.some((b) => b.status !== 'held' || b.held_until!.getTime() <= now)) {
    throw new AppError(409, 'holdExpired');
  }
  const extend = sql<Date>`greatest(held_until, now() + make_interval(mins => ${PAYMENT_HOLD_MINUTES}))`;
  for (const table of ['reservations', 'course_registrations'] as const) {
    const ids = held.rows.filter((r) => r.table === table).map((r) => r.id);
    if (ids.length) {
      await tx.updateTable(table).set({ held_until: extend }).where('id', 'in', ids).execute();
    }
  }
}

/** The buyer's open cart (locked), created on first use when `create`. */
export async function openCartOf(
  tx: Tx,
  municipalityId: string,
  buyer: BuyerRef,
  group: CustomerGroup,
  create: boolean,
) {
  const { personId, organisationId } = buyer;
  const find = () =>
    tx
      .selectFrom('orders')
      .select(['id', 'customer_group'])
      .where('person_id', '=', personId)
      .where('organisation_id', organisationId ? '=' : 'is', organisationId)
      .where('status', '=', 'cart')
      .forUpdate()
      .executeTakeFirst();
  const existing = await find();
  if (existing || !create) return existing ?? null;
  // One cart per buyer: a concurrent first add finds the other's cart.
  await (
    organisationId
      ? sql`insert into orders (municipality_id, person_id, organisation_id, customer_group)
          values (${municipalityId}, ${personId}, ${organisationId}, ${group})
          on conflict (municipality_id, person_id, organisation_id)
            where status = 'cart' and organisation_id is not null do nothing`
      : sql`insert into orders (municipality_id, person_id, customer_group)
          values (${municipalityId}, ${personId}, ${group})
          on conflict (municipality_id, person_id)
            where status = 'cart' and organisation_id is null do nothing`
  ).execute(tx);
  return (await find())!;
}

const openCart = (tx: Tx, ctx: AuthenticatedCtx, buyer: Buyer, create: boolean) =>
  openCartOf(tx, ctx.municipality.id, buyer, buyer.group, create);

/**
 * Prices come from the server only: every change to the cart prices all its lines again —
 * products with the current prices for the customer group, bookings with the price frozen
 * when they were made — and stores the totals.
 */
export async function reprice(tx: Tx, orderId: string, group: CustomerGroup, language: Language) {
  await repriceAll(tx, [{ orderId, group, language }]);
}

/** reprice for many orders at once: a statement each for the lines, their prices and the totals. */
export async function repriceAll(
  tx: Tx,
  orders: { orderId: string; group: CustomerGroup; language: Language }[],
) {
  if (orders.length === 0) return;
  const lines = await tx
    .selectFrom('order_lines')
    .leftJoin('reservations', 'reservations.id', 'order_lines.reservation_id')
    .leftJoin('resources', 'resources.id', 'reservations.resource_id')
    .leftJoin('course_registrations', 'course_registrations.id', 'order_lines.registration_id')
    .leftJoin('courses', 'courses.id', 'course_registrations.course_id')
    .leftJoin('children', 'children.id', 'course_registrations.child_id')
    .select([
      'order_lines.id',
      'order_lines.order_id',
      'order_lines.product_id',
      'order_lines.reservation_id',
      'order_lines.quantity',
      'reservations.price_cents',
      'reservations.vat_rate_bp',
      sql<Date | null>`lower(reservations.during)`.as('start'),
      sql<Date | null>`upper(reservations.during)`.as('end'),
      'resources.name_fi',
      'resources.name_sv',
      'resources.name_en',
      'course_registrations.price_cents as course_price_cents',
      'course_registrations.vat_rate_bp as course_vat_rate_bp',
      'courses.name_fi as course_fi',
      'courses.name_sv as course_sv',
      'courses.name_en as course_en',
      'children.first_name as child',
    ])
    .where(
      'order_id',
      'in',
      orders.map((o) => o.orderId),
    )
    .orderBy('order_lines.id')
    .execute();
  const products = await loadProducts(tx, [
    ...new Set(lines.flatMap((l) => (l.product_id ? [l.product_id] : []))),
  ]);
  const updates: (LinePrice & { id: string; totalCents: number; vatCents: number })[] = [];
  const totals: { id: string; group: CustomerGroup; totalCents: number; vatCents: number }[] = [];
  for (const { orderId, group, language } of orders) {
    const priced = [];
    for (const line of lines.filter((l) => l.order_id === orderId)) {
      let item: LinePrice;
      if (line.product_id) {
        const product = products.find((p) => p.id === line.product_id);
        const price = product ? priceFor(product, group) : null;
        if (!product || price === null) throw new AppError(422, 'notForSale');
        item = {
          name: product.name[language],
          unitPriceCents: price,
          vatRateBp: product.vatRateBp,
        };
      } else if (!line.reservation_id) {
        const course = { fi: line.course_fi!, sv: line.course_sv!, en: line.course_en! }[language];
        item = {
          name: `${course}: ${line.child!}`,
          unitPriceCents: line.course_price_cents!,
          vatRateBp: line.course_vat_rate_bp!,
        };
      } else {
        const resource = { fi: line.name_fi!, sv: line.name_sv!, en: line.name_en! }[language];
        item = {
          name: `${resource} ${formatTimeSpan(language, line.start!, line.end!)}`,
          unitPriceCents: line.price_cents!,
          vatRateBp: line.vat_rate_bp!,
        };
      }
      updates.push({ id: line.id, ...item, ...lineAmounts({ ...item, quantity: line.quantity }) });
      priced.push({ ...item, quantity: line.quantity });
    }
    totals.push({ id: orderId, group, ...orderTotals(priced) });
  }
  if (updates.length > 0) {
    await sql`update order_lines l
      set name = u.name, unit_price_cents = u.unit_price_cents, vat_rate_bp = u.vat_rate_bp,
          total_cents = u.total_cents, vat_cents = u.vat_cents
      from unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.name)}::text[],
                  ${updates.map((u) => u.unitPriceCents)}::int[],
                  ${updates.map((u) => u.vatRateBp)}::int[],
                  ${updates.map((u) => u.totalCents)}::int[],
                  ${updates.map((u) => u.vatCents)}::int[])
           as u(id, name, unit_price_cents, vat_rate_bp, total_cents, vat_cents)
      where l.id = u.id`.execute(tx);
  }
  await sql`update orders o
    set total_cents = t.total_cents, vat_cents = t.vat_cents, customer_group = t.customer_group
    from unnest(${totals.map((t) => t.id)}::uuid[], ${totals.map((t) => t.totalCents)}::int[],
                ${totals.map((t) => t.vatCents)}::int[], ${totals.map((t) => t.group)}::text[])
         as t(id, total_cents, vat_cents, customer_group)
    where o.id = t.id`.execute(tx);
}

interface LinePrice {
  name: string;
  unitPriceCents: number;
  vatRateBp: number;
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

export async function getCart(ctx: Ctx, organisationId?: string) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const cart = await openCart(tx, ctx, await buyerFor(tx, ctx, organisationId), false);
    if (!cart) return EMPTY_CART;
    const invoiceAllowed = await cartMayBeInvoiced(tx, cart.id);
    return { ...publicView((await orderView(tx, cart.id))!), invoiceAllowed };
  });
}

/** The buyer's own invoice, without whose it is (they know). */
function buyersInvoice(invoice: Awaited<ReturnType<typeof invoiceOfOrder>>) {
  if (!invoice) return null;
  const {
    personId: _personId,
    organisationId: _organisationId,
    customer: _customer,
    ...rest
  } = invoice;
  return rest;
}

function publicView(view: OrderView) {
  const { personId: _personId, ...rest } = view;
  return rest;
}

/** Set the quantity of a product in the cart (0 removes it). */
export async function setCartLine(
  ctx: Ctx,
  productId: string,
  quantity: number,
  organisationId?: string,
) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const buyer = await buyerFor(tx, ctx, organisationId);
    const [product] = await loadProducts(tx, [productId]);
    if (!product) throw notFound();
    if (product.soldWith !== 'shop') throw new AppError(422, 'soldWithBooking');
    if (quantity > product.maxPerOrder)
      throw new AppError(422, 'quantity', { max: product.maxPerOrder });
    const cart = await openCart(tx, ctx, buyer, quantity > 0);
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
    await reprice(tx, cart.id, buyer.group, ctx.language);
    await audit(tx, ctx, 'cart.set', `order:${cart.id}`, { productId, quantity });
    const invoiceAllowed = await cartMayBeInvoiced(tx, cart.id);
    return { ...publicView((await orderView(tx, cart.id))!), invoiceAllowed };
  });
}

/** Freeze the buyer's cart into an order waiting for payment. */
export async function placeOrder(tx: Tx, ctx: AuthenticatedCtx, organisationId?: string) {
  const buyer = await buyerFor(tx, ctx, organisationId);
  const cart = await openCart(tx, ctx, buyer, false);
  if (!cart) throw new AppError(422, 'emptyCart');
  await reprice(tx, cart.id, buyer.group, ctx.language);
  await holdItemsForPayment(tx, cart.id);
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
    // The buyer's: the person who placed it, or any member of the organisation it was for.
    const mine =
      view &&
      (view.personId === actor.personId ||
        (view.organisation && (await activeMembership(tx, view.organisation.id, actor.personId))));
    if (!view || !mine) throw notFound();
    return { ...publicView(view), invoice: buyersInvoice(await invoiceOfOrder(tx, id)) };
  });
}
