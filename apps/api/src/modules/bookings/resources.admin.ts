import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import type { ResourceKind } from '../../platform/db/schema.js';
import * as repo from './bookings.repo.js';
import { toResourceViews } from './bookings.service.js';
import { loadProducts } from '../shop/products.js';
import { syncResourceGrants } from '../access/access.grants.js';

/** What facility staff edit about a facility: the whole description and its weekly hours. */
export interface ResourceInput {
  kind: ResourceKind;
  name: { fi: string; sv: string; en: string };
  description: { fi: string; sv: string; en: string };
  location: string;
  capacity: number;
  accessible: boolean;
  selfService: boolean;
  bookingMode: 'instant' | 'approval';
  /** The facility-use product whose prices are for one hour; null or absent: free. */
  priceProductId?: string | null;
  cancelFreeHours?: number;
  slot: {
    minMinutes: number;
    maxMinutes: number;
    stepMinutes: 15 | 30 | 60;
    bookAheadDays: number;
    bufferMinutes: number;
  };
  openingHours: { weekday: number; opens: string; closes: string }[];
}

function columns(input: ResourceInput) {
  return {
    kind: input.kind,
    name_fi: input.name.fi,
    name_sv: input.name.sv,
    name_en: input.name.en,
    description_fi: input.description.fi,
    description_sv: input.description.sv,
    description_en: input.description.en,
    location: input.location,
    capacity: input.capacity,
    accessible: input.accessible,
    self_service: input.selfService,
    booking_mode: input.bookingMode,
    slot_min_minutes: input.slot.minMinutes,
    slot_max_minutes: input.slot.maxMinutes,
    slot_step_minutes: input.slot.stepMinutes,
    book_ahead_days: input.slot.bookAheadDays,
    buffer_minutes: input.slot.bufferMinutes,
    // Absent: as it was (a new facility is free, with a day's free cancellation).
    ...(input.priceProductId !== undefined && { price_product_id: input.priceProductId }),
    ...(input.cancelFreeHours !== undefined && { cancel_free_hours: input.cancelFreeHours }),
  };
}

/** The hourly price must be a product of this municipality that is for sale. */
async function checkPriceProduct(tx: Tx, input: ResourceInput) {
  if (!input.priceProductId) return;
  const [product] = await loadProducts(tx, [input.priceProductId]);
  if (!product) throw new AppError(422, 'priceProduct');
}

/** Rules the schema cannot say: lengths that fit together, and hours that do not overlap. */
function checkInput(input: ResourceInput) {
  const { minMinutes, maxMinutes, stepMinutes } = input.slot;
  if (minMinutes > maxMinutes || minMinutes % stepMinutes !== 0 || maxMinutes % stepMinutes !== 0) {
    throw new AppError(422, 'resourceRules');
  }
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  for (let day = 1; day <= 7; day++) {
    const spans = input.openingHours
      .filter((h) => h.weekday === day)
      .map((h) => [minutes(h.opens), h.closes === '00:00' ? 1440 : minutes(h.closes)] as const)
      .sort((a, b) => a[0] - b[0]);
    spans.forEach(([opens, closes], i) => {
      const previous = spans[i - 1];
      if (opens >= closes || (previous && previous[1] > opens))
        throw new AppError(422, 'openingHours');
    });
  }
}

async function replaceHours(
  tx: Tx,
  municipalityId: string,
  resourceId: string,
  input: ResourceInput,
) {
  await tx.deleteFrom('opening_hours').where('resource_id', '=', resourceId).execute();
  if (input.openingHours.length === 0) return;
  await tx
    .insertInto('opening_hours')
    .values(
      input.openingHours.map((h) => ({
        municipality_id: municipalityId,
        resource_id: resourceId,
        weekday: h.weekday,
        opens: h.opens,
        closes: h.closes,
      })),
    )
    .execute();
}

export async function createResource(ctx: Ctx, input: ResourceInput) {
  requireRole(ctx, 'facility_admin', 'admin');
  checkInput(input);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await checkPriceProduct(tx, input);
    const { id } = await tx
      .insertInto('resources')
      .values({ municipality_id: ctx.municipality.id, ...columns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceHours(tx, ctx.municipality.id, id, input);
    await audit(tx, ctx, 'resource.create', `resource:${id}`);
    return (await toResourceViews(tx, ctx, [(await repo.findResource(tx, id))!]))[0]!;
  });
}

export async function updateResource(ctx: Ctx, id: string, input: ResourceInput) {
  requireRole(ctx, 'facility_admin', 'admin');
  checkInput(input);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await checkPriceProduct(tx, input);
    const before = await tx
      .selectFrom('resources')
      .select('self_service')
      .where('id', '=', id)
      .where('active', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    await tx.updateTable('resources').set(columns(input)).where('id', '=', id).execute();
    await replaceHours(tx, ctx.municipality.id, id, input);
    // Self-service switched off: the coming bookings' PINs are removed from the doors; on:
    // they get them (the doors are kept either way, so switching back restores the PINs).
    const bookings =
      before.self_service !== input.selfService
        ? await syncResourceGrants(tx, ctx.municipality.id, id)
        : 0;
    await audit(tx, ctx, 'resource.update', `resource:${id}`, {
      selfService: input.selfService,
      ...(bookings ? { accessSynced: bookings } : {}),
    });
    return (await toResourceViews(tx, ctx, [(await repo.findResource(tx, id))!]))[0]!;
  });
}

/** Taken out of use: no new bookings; existing ones and the history stay. */
export async function archiveResource(ctx: Ctx, id: string) {
  requireRole(ctx, 'facility_admin', 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const result = await tx
      .updateTable('resources')
      .set({ active: false })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound();
    await audit(tx, ctx, 'resource.archive', `resource:${id}`);
  });
}

export async function setOpeningException(
  ctx: Ctx,
  id: string,
  exception: { day: string; opens?: string; closes?: string; reason: string },
) {
  requireRole(ctx, 'facility_admin', 'admin');
  if ((exception.opens === undefined) !== (exception.closes === undefined))
    throw new AppError(422, 'openingHours');
  if (
    exception.opens &&
    exception.closes &&
    exception.closes !== '00:00' &&
    exception.opens >= exception.closes
  ) {
    throw new AppError(422, 'openingHours');
  }
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await repo.findResource(tx, id))) throw notFound();
    await tx
      .deleteFrom('opening_exceptions')
      .where('resource_id', '=', id)
      .where('day', '=', exception.day)
      .execute();
    await tx
      .insertInto('opening_exceptions')
      .values({
        municipality_id: ctx.municipality.id,
        resource_id: id,
        day: exception.day,
        opens: exception.opens ?? null,
        closes: exception.closes ?? null,
        reason: exception.reason,
      })
      .execute();
    await audit(tx, ctx, 'resource.exception', `resource:${id}`, { day: exception.day });
  });
}
