import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { lineAmounts, orderTotals } from './money.js';
import { customerGroupOf, customerGroupOfPerson, loadProducts, priceFor } from './products.js';
import { isLanguage, type Language } from '../../platform/i18n/messages.js';
import { formatTimeSpan } from '../../platform/i18n/time.js';
import type { CustomerGroup } from '../../platform/db/schema.js';
import { invoiceOfOrder } from '../payments/invoices.repo.js';
import { cartMayBeInvoiced } from './invoice-rule.js';

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

/** The person's open cart (locked), created on first use when `create`. */
export async function openCartOf(
  tx: Tx,
  municipalityId: string,
  personId: string,
  group: CustomerGroup,
  create: boolean,
) {
  const find = () =>
    tx
      .selectFrom('orders')
      .select(['id', 'customer_group'])
      .where('person_id', '=', personId)
      .where('status', '=', 'cart')
      .forUpdate()
      .executeTakeFirst();
  const existing = await find();
  if (existing || !create) return existing ?? null;
  // One cart per person: a concurrent first add finds the other's cart.
  await sql`insert into orders (municipality_id, person_id, customer_group)
            values (${municipalityId}, ${personId}, ${group})
            on conflict (municipality_id, person_id) where status = 'cart' do nothing`.execute(tx);
  return (await find())!;
}

const openCart = (tx: Tx, ctx: AuthenticatedCtx, create: boolean) =>
  openCartOf(tx, ctx.municipality.id, ctx.actor.personId, customerGroupOf(ctx), create);

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

/**
 * Put a held booking into its booker's cart (made by the booker, or approved by staff for
 * them), priced with the booker's own group and language.
 */
export async function addReservationToCart(
  tx: Tx,
  municipalityId: string,
  personId: string,
  reservationId: string,
) {
  return addHeldItemToCart(tx, municipalityId, personId, { reservation_id: reservationId });
}

/** Put a held course seat into its guardian's cart. */
export async function addRegistrationToCart(
  tx: Tx,
  municipalityId: string,
  personId: string,
  registrationId: string,
) {
  return addHeldItemToCart(tx, municipalityId, personId, { registration_id: registrationId });
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
            on conflict (municipality_id, person_id) where status = 'cart' do nothing`.execute(tx);
  const carts = await tx
    .selectFrom('orders')
    .select(['id', 'person_id', 'customer_group'])
    .where(
      'person_id',
      'in',
      people.map((p) => p.personId),
    )
    .where('status', '=', 'cart')
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

async function addHeldItemToCart(
  tx: Tx,
  municipalityId: string,
  personId: string,
  item: { reservation_id: string } | { registration_id: string },
) {
  const group = await customerGroupOfPerson(tx, personId);
  const person = await tx
    .selectFrom('people')
    .select('language')
    .where('id', '=', personId)
    .executeTakeFirst();
  const cart = (await openCartOf(tx, municipalityId, personId, group, true))!;
  await tx
    .insertInto('order_lines')
    .values({
      municipality_id: municipalityId,
      order_id: cart.id,
      ...item,
      name: '',
      quantity: 1,
      unit_price_cents: 0,
      vat_rate_bp: 0,
      total_cents: 0,
      vat_cents: 0,
    })
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
 * Take a booking that is no longer held (cancelled, or its hold ran out) out of the cart it is
 * in. Orders already sent to payment keep the line: the payment may still arrive, and then
 * fulfilment either takes the time again or refunds it.
 */
export async function removeReservationFromCart(tx: Tx, reservationId: string) {
  return removeHeldItemFromCart(tx, 'reservation_id', reservationId);
}

/** Take a course seat that is no longer held out of the cart it is in. */
export async function removeRegistrationFromCart(tx: Tx, registrationId: string) {
  return removeHeldItemFromCart(tx, 'registration_id', registrationId);
}

async function removeHeldItemFromCart(
  tx: Tx,
  column: 'reservation_id' | 'registration_id',
  id: string,
) {
  const line = await tx
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .select(['order_lines.id', 'orders.id as order_id', 'orders.customer_group', 'people.language'])
    .where(`order_lines.${column}`, '=', id)
    .where('orders.status', '=', 'cart')
    .executeTakeFirst();
  if (!line) return;
  await tx.deleteFrom('order_lines').where('id', '=', line.id).execute();
  await reprice(
    tx,
    line.order_id,
    line.customer_group,
    isLanguage(line.language) ? line.language : 'fi',
  );
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
      'reservation_id',
      'registration_id',
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
      reservationId: l.reservation_id,
      registrationId: l.registration_id,
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
    if (product.soldWith !== 'shop') throw new AppError(422, 'soldWithBooking');
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
    await reprice(tx, cart.id, customerGroupOf(ctx), ctx.language);
    await audit(tx, ctx, 'cart.set', `order:${cart.id}`, { productId, quantity });
    const invoiceAllowed = await cartMayBeInvoiced(tx, cart.id);
    return { ...publicView((await orderView(tx, cart.id))!), invoiceAllowed };
  });
}

/** Freeze the cart into an order waiting for payment. */
export async function placeOrder(tx: Tx, ctx: AuthenticatedCtx) {
  const cart = await openCart(tx, ctx, false);
  if (!cart) throw new AppError(422, 'emptyCart');
  await reprice(tx, cart.id, customerGroupOf(ctx), ctx.language);
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
    if (!view || view.personId !== actor.personId) throw notFound();
    return { ...publicView(view), invoice: buyersInvoice(await invoiceOfOrder(tx, id)) };
  });
}
