import type { Static } from '@sinclair/typebox';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit/audit.js';
import type { Language } from '../../platform/i18n/messages.js';
import { casePhoto, caseSummary, caseView } from './cases.js';
import { findCase, findCases } from './cases.repo.js';
import type { CaseBody } from './cases.schema.js';
import { MAX_PHOTOS, resizePhoto } from './cases.photos.js';

/**
 * The digital team's case cards (digital_team, and admin): write, publish, unpublish, photos.
 * Everything runs in the team's own municipality, where the RLS lets them write only their
 * own cases; another municipality's case is not found for writing.
 */
type Body = Static<typeof CaseBody>;
const TEAM = ['digital_team', 'admin'] as const;

const FIELD_NAMES: Record<Language, Record<string, string>> = {
  fi: { problem: 'ongelma', tried: 'mitä kokeiltiin', outcome: 'lopputulos', lessons: 'opit' },
  sv: { problem: 'problem', tried: 'vad som prövades', outcome: 'resultat', lessons: 'lärdomar' },
  en: { problem: 'problem', tried: 'what was tried', outcome: 'outcome', lessons: 'lessons' },
};

/** What a published case must have; the database's CHECK says the same. */
function requireComplete(
  ctx: Ctx,
  c: { problem: string; tried: string; lessons: string; outcome: unknown },
) {
  const missing = (['problem', 'tried', 'outcome', 'lessons'] as const).filter((field) =>
    field === 'outcome' ? c.outcome === null : !(c[field] as string).trim(),
  );
  if (missing.length > 0) {
    const names = missing.map((field) => FIELD_NAMES[ctx.language][field]);
    throw new AppError(422, 'caseIncomplete', { fields: names.join(', ') });
  }
}

function columns(body: Body) {
  if (body.metrics.some((m) => !m.name.trim())) throw new AppError(422, 'caseMetricInvalid');
  return {
    title: body.title.trim(),
    problem: body.problem.trim(),
    tried: body.tried.trim(),
    duration_days: body.durationDays,
    cost_cents: body.costCents,
    metrics: JSON.stringify(
      body.metrics.map((m) => ({ ...m, name: m.name.trim(), unit: m.unit.trim() })),
    ),
    outcome: body.outcome,
    lessons: body.lessons.trim(),
    contact_name: body.contactName.trim(),
    contact_email: body.contactEmail.trim(),
    themes: [...new Set(body.themes.map((t) => t.trim().toLowerCase()).filter(Boolean))],
  };
}

/** The idea a case is written from must be one of the municipality's own. */
async function checkIdea(tx: Tx, ideaId: string | null | undefined) {
  if (!ideaId) return;
  const idea = await tx
    .selectFrom('portfolio_ideas')
    .select('id')
    .where('id', '=', ideaId)
    .executeTakeFirst();
  if (!idea) throw new AppError(422, 'caseIdeaUnknown');
}

async function ownCase(tx: Tx, ctx: Ctx, id: string) {
  const row = await findCase(tx, id);
  // Another municipality's published case is readable, but it is not ours to edit.
  if (!row || row.municipality_id !== ctx.municipality.id) throw notFound();
  return row;
}

const view = (tx: Tx, ctx: Ctx, id: string) =>
  caseView(tx, id, { personId: ctx.actor?.personId ?? null, municipalityId: ctx.municipality.id });

export async function listOwnCases(ctx: Ctx) {
  requireRole(ctx, ...TEAM);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({
    items: (await findCases(tx, { municipalityId: ctx.municipality.id, limit: 100 })).map(
      caseSummary,
    ),
  }));
}

/**
 * A case as the municipality sees it: its own drafts, and any published case (the copy
 * button reads copiedByUs from here).
 */
export async function getCaseHere(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const found = await view(tx, ctx, id);
    if (found.status === 'draft' && !isTeam(ctx)) throw notFound();
    return found;
  });
}

/** A photo as the municipality sees it: drafts' photos for the team only. */
export async function casePhotoHere(ctx: Ctx, id: string, photoId: string) {
  const municipalityId = isTeam(ctx) ? ctx.municipality.id : null;
  return casePhoto(ctx.db, municipalityId, id, photoId);
}

const isTeam = (ctx: Ctx) => ctx.actor !== null && TEAM.some((role) => ctx.roles.includes(role));

export async function createCase(ctx: Ctx, body: Body) {
  requireRole(ctx, ...TEAM);
  const values = columns(body);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await checkIdea(tx, body.ideaId);
    const { id } = await tx
      .insertInto('portfolio_cases')
      .values({
        ...values,
        municipality_id: ctx.municipality.id,
        idea_id: body.ideaId ?? null,
        created_by: ctx.actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'portfolio.case.create', `case:${id}`, { title: values.title });
    return view(tx, ctx, id);
  });
}

export async function updateCase(ctx: Ctx, id: string, body: Body) {
  requireRole(ctx, ...TEAM);
  const values = columns(body);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await ownCase(tx, ctx, id);
    if (row.status === 'published') requireComplete(ctx, values);
    await checkIdea(tx, body.ideaId);
    await tx
      .updateTable('portfolio_cases')
      .set({
        ...values,
        ...(body.ideaId !== undefined ? { idea_id: body.ideaId } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, 'portfolio.case.update', `case:${id}`, { title: values.title });
    return view(tx, ctx, id);
  });
}

/** Publish (the first publication date stays when a case is republished) or unpublish. */
export async function publishCase(ctx: Ctx, id: string, publish: boolean) {
  requireRole(ctx, ...TEAM);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await ownCase(tx, ctx, id);
    if (publish) requireComplete(ctx, row);
    await tx
      .updateTable('portfolio_cases')
      .set({
        status: publish ? 'published' : 'draft',
        published_at: publish ? (row.published_at ?? new Date()) : row.published_at,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await audit(
      tx,
      ctx,
      publish ? 'portfolio.case.publish' : 'portfolio.case.unpublish',
      `case:${id}`,
    );
    return view(tx, ctx, id);
  });
}

export async function deleteCase(ctx: Ctx, id: string) {
  requireRole(ctx, ...TEAM);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await ownCase(tx, ctx, id);
    if (row.status === 'published') throw new AppError(409, 'casePublishedDelete');
    await tx.deleteFrom('portfolio_cases').where('id', '=', id).execute();
    await audit(tx, ctx, 'portfolio.case.delete', `case:${id}`, { title: row.title });
  });
}

export async function addCasePhoto(
  ctx: Ctx,
  id: string,
  input: { dataBase64: string; altText: string },
) {
  requireRole(ctx, ...TEAM);
  // Decoded and resized before the transaction: it takes a moment and needs no rows.
  const photo = await resizePhoto(input.dataBase64);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await ownCase(tx, ctx, id);
    const photos = await tx
      .selectFrom('portfolio_case_photos')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(photos.n) >= MAX_PHOTOS)
      throw new AppError(422, 'casePhotoLimit', { max: MAX_PHOTOS });
    const { id: photoId } = await tx
      .insertInto('portfolio_case_photos')
      .values({
        municipality_id: ctx.municipality.id,
        case_id: id,
        data: photo.data,
        mime: photo.mime,
        width: photo.width,
        height: photo.height,
        alt_text: input.altText.trim(),
        position: Number(photos.last ?? -1) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('portfolio_cases')
      .set({ updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, 'portfolio.case.photo.add', `case:${id}`, {
      photoId,
      bytes: photo.data.length,
    });
    return view(tx, ctx, id);
  });
}

export async function deleteCasePhoto(ctx: Ctx, id: string, photoId: string) {
  requireRole(ctx, ...TEAM);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await ownCase(tx, ctx, id);
    const deleted = await tx
      .deleteFrom('portfolio_case_photos')
      .where('id', '=', photoId)
      .where('case_id', '=', id)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound();
    await tx
      .updateTable('portfolio_cases')
      .set({ updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, 'portfolio.case.photo.delete', `case:${id}`, { photoId });
    return view(tx, ctx, id);
  });
}
