import { inTenant, type Database } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound, unauthenticated } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit/audit.js';
import {
  casePhotos,
  copyOf,
  findCase,
  findCases,
  hasSupport,
  type CaseFilter,
  type CaseRow,
} from './cases.repo.js';

/**
 * The public case bank: every municipality's published cases, read without a municipality
 * (inTenant(db, null)), so that the row-level security shows published rows only and a draft
 * cannot leak even through a mistake here. Supports come from people signed in anywhere.
 */
export interface PublicCtx {
  db: Database;
  actor: Actor | null;
  requestId: string;
  baseUrl: string;
}

export function caseSummary(row: CaseRow) {
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    problem: row.problem,
    themes: row.themes,
    outcome: row.outcome,
    durationDays: row.duration_days,
    costCents: row.cost_cents,
    municipality: {
      slug: row.slug,
      name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
      population: row.population,
      sizeClass: row.size_class,
    },
    supports: row.supports,
    copies: row.copies,
    coverPhotoId: row.cover_photo_id,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export type CaseView = ReturnType<typeof caseSummary> & {
  ideaId: string | null;
  tried: string;
  metrics: CaseRow['metrics'];
  lessons: string;
  contactName: string;
  contactEmail: string;
  photos: { id: string; altText: string; width: number; height: number }[];
  mySupport: boolean;
  copiedByUs: string | null;
};

/** The whole card as the tenant of `tx` sees it, with the viewer's support and copy. */
export async function caseView(
  tx: Parameters<typeof findCase>[0],
  id: string,
  viewer: { personId: string | null; municipalityId: string | null },
): Promise<CaseView> {
  const row = await findCase(tx, id);
  if (!row) throw notFound();
  const photos = await casePhotos(tx, [id]);
  return {
    ...caseSummary(row),
    ideaId: row.idea_id,
    tried: row.tried,
    metrics: row.metrics,
    lessons: row.lessons,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    photos: photos.map((p) => ({
      id: p.id,
      altText: p.alt_text,
      width: p.width,
      height: p.height,
    })),
    mySupport: viewer.personId ? await hasSupport(tx, id, viewer.personId) : false,
    copiedByUs: viewer.municipalityId ? await copyOf(tx, id, viewer.municipalityId) : null,
  };
}

export async function listCases(db: Database, filter: Omit<CaseFilter, 'municipalityId'>) {
  return inTenant(db, null, async (tx) => {
    const rows = await findCases(tx, { ...filter, publishedOnly: true });
    return { items: rows.map(caseSummary) };
  });
}

export async function getCase(ctx: PublicCtx, id: string) {
  return inTenant(ctx.db, null, (tx) =>
    caseView(tx, id, { personId: ctx.actor?.personId ?? null, municipalityId: null }),
  );
}

/** One support per person: a second one changes nothing. */
export async function supportCase(ctx: PublicCtx, id: string, support: boolean) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTenant(ctx.db, null, async (tx) => {
    const row = await findCase(tx, id);
    if (!row) throw notFound();
    if (row.status !== 'published') throw new AppError(409, 'caseNotPublished');
    const changed = support
      ? await tx
          .insertInto('portfolio_case_supports')
          .values({ municipality_id: row.municipality_id, case_id: id, person_id: actor.personId })
          .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
          .executeTakeFirst()
      : await tx
          .deleteFrom('portfolio_case_supports')
          .where('case_id', '=', id)
          .where('person_id', '=', actor.personId)
          .executeTakeFirst();
    const count =
      'numInsertedOrUpdatedRows' in changed
        ? Number(changed.numInsertedOrUpdatedRows ?? 0)
        : Number(changed.numDeletedRows);
    if (count > 0) {
      const auditCtx = { requestId: ctx.requestId, actor, municipality: null };
      await audit(
        tx,
        auditCtx,
        support ? 'portfolio.case.support' : 'portfolio.case.unsupport',
        `case:${id}`,
      );
    }
    return caseView(tx, id, { personId: actor.personId, municipalityId: null });
  });
}

/** A photo of a case the tenant sees: any published case's, or (own tenant) a draft's. */
export async function casePhoto(
  db: Database,
  municipalityId: string | null,
  caseId: string,
  photoId: string,
) {
  return inTenant(db, municipalityId, async (tx) => {
    const photo = await tx
      .selectFrom('portfolio_case_photos')
      .select(['data', 'mime'])
      .where('id', '=', photoId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!photo) throw notFound();
    return { data: Buffer.from(photo.data), mime: photo.mime };
  });
}

/**
 * The municipalities where the signed-in person may copy a case (staff there). Read like the
 * request context reads roles (by the person's own id, outside a tenant): a person's roles span
 * municipalities by design.
 */
export async function copyingMunicipalities(db: Database, personId: string) {
  const rows = await db.kysely
    .selectFrom('role_grants as g')
    .innerJoin('municipalities as m', 'm.id', 'g.municipality_id')
    .select(['m.slug', 'm.name_fi', 'm.name_sv', 'm.name_en'])
    .where('g.person_id', '=', personId)
    .where('g.role', 'in', ['staff', 'digital_team', 'admin'])
    .distinct()
    .orderBy('m.slug')
    .execute();
  return rows.map((m) => ({ slug: m.slug, name: { fi: m.name_fi, sv: m.name_sv, en: m.name_en } }));
}
