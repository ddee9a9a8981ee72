import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, requireUser, type Ctx } from '../../platform/http/context.js';
import { buyerFor, customerGroupOf } from '../organisations/buyer.js';
import type { CustomerGroup, ProductKind } from '../../platform/db/schema.js';

export const CUSTOMER_GROUPS: readonly CustomerGroup[] = [
  'resident',
  'non_resident',
  'association',
  'company',
];
export const PRODUCT_KINDS: readonly ProductKind[] = [
  'ticket',
  'series_card',
  'event_fee',
  'permit',
  'course_fee',
  'facility_use',
  'other',
];

type Translated = { fi: string; sv: string; en: string };

/** A productised service (seed 003): what is sold, by whom, at what price, with what promise. */
export interface ProductInput {
  kind: ProductKind;
  name: Translated;
  content: Translated;
  organiser: string;
  provider: string;
  qualityPromise: Translated;
  vatRateBp: number;
  invoiceAllowed: boolean;
  maxPerOrder: number;
  prices: { customerGroup: CustomerGroup; unitPriceCents: number }[];
}

// The customer groups live with the buyers (modules/organisations/buyer.ts).
export { customerGroupOf, customerGroupOfPerson } from '../organisations/buyer.js';

const COLUMNS = [
  sql<'shop' | 'booking' | 'course'>`case
    when exists (select 1 from resources r where r.price_product_id = products.id) then 'booking'
    when exists (select 1 from courses c where c.price_product_id = products.id) then 'course'
    else 'shop' end`.as('sold_with'),
  'id',
  'kind',
  'name_fi',
  'name_sv',
  'name_en',
  'content_fi',
  'content_sv',
  'content_en',
  'organiser',
  'provider',
  'quality_promise_fi',
  'quality_promise_sv',
  'quality_promise_en',
  'vat_rate_bp',
  'invoice_allowed',
  'max_per_order',
] as const;

/** Active products by id, with their prices (for pricing a cart). */
export async function loadProducts(tx: Tx, ids: string[]) {
  return ids.length === 0 ? [] : load(tx, ids);
}

async function load(tx: Tx, ids?: string | string[], kind?: ProductKind) {
  let q = tx.selectFrom('products').select(COLUMNS).where('active', '=', true);
  if (typeof ids === 'string') q = q.where('id', '=', ids);
  else if (ids) q = q.where('id', 'in', ids);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('kind').orderBy('name_fi').orderBy('id').execute();
  const prices = rows.length
    ? await tx
        .selectFrom('product_prices')
        .select(['product_id', 'customer_group', 'unit_price_cents'])
        .where(
          'product_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    content: { fi: row.content_fi, sv: row.content_sv, en: row.content_en },
    organiser: row.organiser,
    provider: row.provider,
    qualityPromise: {
      fi: row.quality_promise_fi,
      sv: row.quality_promise_sv,
      en: row.quality_promise_en,
    },
    vatRateBp: row.vat_rate_bp,
    invoiceAllowed: row.invoice_allowed,
    maxPerOrder: row.max_per_order,
    // A facility's hourly price or a course fee is bought by booking or registering, not alone.
    soldWith: row.sold_with,
    prices: CUSTOMER_GROUPS.flatMap((group) => {
      const price = prices.find((p) => p.product_id === row.id && p.customer_group === group);
      return price ? [{ customerGroup: group, unitPriceCents: price.unit_price_cents }] : [];
    }),
  }));
}

export type ProductView = Awaited<ReturnType<typeof load>>[number];

/** The asker's customer group: their own, or that of the organisation they act for. */
async function groupOf(tx: Tx, ctx: Ctx, organisationId: string | undefined) {
  if (!organisationId) return customerGroupOf(ctx);
  requireUser(ctx);
  return (await buyerFor(tx, ctx, organisationId)).group;
}

/** The catalogue, with the price the asker (or the organisation they act for) would pay marked. */
export async function listProducts(ctx: Ctx, kind?: ProductKind, organisationId?: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const group = await groupOf(tx, ctx, organisationId);
    return (await load(tx, undefined, kind)).map((p) => ({ ...p, yourPrice: priceFor(p, group) }));
  });
}

export async function getProduct(ctx: Ctx, id: string, organisationId?: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const group = await groupOf(tx, ctx, organisationId);
    const [product] = await load(tx, id);
    if (!product) throw notFound();
    return { ...product, yourPrice: priceFor(product, group) };
  });
}

/** The unit price for a group; a resident price is offered to nobody else. */
export function priceFor(product: ProductView, group: CustomerGroup): number | null {
  return product.prices.find((p) => p.customerGroup === group)?.unitPriceCents ?? null;
}

function columns(input: ProductInput) {
  return {
    kind: input.kind,
    name_fi: input.name.fi,
    name_sv: input.name.sv,
    name_en: input.name.en,
    content_fi: input.content.fi,
    content_sv: input.content.sv,
    content_en: input.content.en,
    organiser: input.organiser,
    provider: input.provider,
    quality_promise_fi: input.qualityPromise.fi,
    quality_promise_sv: input.qualityPromise.sv,
    quality_promise_en: input.qualityPromise.en,
    vat_rate_bp: input.vatRateBp,
    invoice_allowed: input.invoiceAllowed,
    max_per_order: input.maxPerOrder,
  };
}

async function replacePrices(
  tx: Tx,
  municipalityId: string,
  productId: string,
  input: ProductInput,
) {
  await tx.deleteFrom('product_prices').where('product_id', '=', productId).execute();
  if (input.prices.length === 0) return;
  await tx
    .insertInto('product_prices')
    .values(
      input.prices.map((p) => ({
        municipality_id: municipalityId,
        product_id: productId,
        customer_group: p.customerGroup,
        unit_price_cents: p.unitPriceCents,
      })),
    )
    .execute();
}

/** One price per customer group. */
function checkPrices(input: ProductInput) {
  const groups = input.prices.map((p) => p.customerGroup);
  if (new Set(groups).size !== groups.length) throw new AppError(422, 'priceGroups');
}

export async function createProduct(ctx: Ctx, input: ProductInput) {
  requireRole(ctx, 'admin', 'facility_admin');
  checkPrices(input);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const { id } = await tx
      .insertInto('products')
      .values({ municipality_id: ctx.municipality.id, ...columns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replacePrices(tx, ctx.municipality.id, id, input);
    await audit(tx, ctx, 'product.create', `product:${id}`);
    return (await load(tx, id))[0]!;
  });
}

export async function updateProduct(ctx: Ctx, id: string, input: ProductInput) {
  requireRole(ctx, 'admin', 'facility_admin');
  checkPrices(input);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const result = await tx
      .updateTable('products')
      .set(columns(input))
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound();
    await replacePrices(tx, ctx.municipality.id, id, input);
    await audit(tx, ctx, 'product.update', `product:${id}`);
    return (await load(tx, id))[0]!;
  });
}
