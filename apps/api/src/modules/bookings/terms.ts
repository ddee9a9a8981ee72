import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import * as repo from './bookings.repo.js';

export interface Terms {
  version: number;
  text: { fi: string; sv: string; en: string };
}

/** The facility's terms of use in force, or null when it has none (never had, or removed). */
export async function currentTerms(tx: Tx, resourceId: string): Promise<Terms | null> {
  const row = await tx
    .selectFrom('resource_terms')
    .select(['version', 'text_fi', 'text_sv', 'text_en'])
    .where('resource_id', '=', resourceId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || (!row.text_fi && !row.text_sv && !row.text_en)) return null;
  return { version: row.version, text: { fi: row.text_fi, sv: row.text_sv, en: row.text_en } };
}

/**
 * The terms version a booking records: the booker must have accepted the version in force.
 * An older version (the terms changed while they read) is refused as well, so that what is
 * stored is what they saw. A facility without terms records none, whatever was sent.
 */
export async function acceptedTermsVersion(
  tx: Tx,
  resourceId: string,
  accepted: number | undefined,
): Promise<number | null> {
  const terms = await currentTerms(tx, resourceId);
  if (!terms) return null;
  if (accepted !== terms.version) throw new AppError(422, 'termsNotAccepted');
  return terms.version;
}

/**
 * Staff set a facility's terms (all three languages, or all empty to remove them). A change is
 * a new version; saving the text in force again changes nothing. Version numbers come from
 * the facility row's lock, so two staff saving at once get consecutive versions.
 */
export async function setResourceTerms(ctx: Ctx, resourceId: string, text: Terms['text']) {
  requireRole(ctx, 'facility_admin', 'admin');
  const clean = { fi: text.fi.trim(), sv: text.sv.trim(), en: text.en.trim() };
  const filled = [clean.fi, clean.sv, clean.en].filter(Boolean).length;
  if (filled !== 0 && filled !== 3) throw new AppError(422, 'termsLanguages');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await repo.findResource(tx, resourceId))) throw notFound();
    await sql`select 1 from resources where id = ${resourceId} for update`.execute(tx);
    const current = await currentTerms(tx, resourceId);
    const same = current
      ? current.text.fi === clean.fi && current.text.sv === clean.sv && current.text.en === clean.en
      : filled === 0;
    if (same) return current;
    const { next } = await tx
      .selectFrom('resource_terms')
      .select(sql<number>`coalesce(max(version), 0)::int + 1`.as('next'))
      .where('resource_id', '=', resourceId)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('resource_terms')
      .values({
        municipality_id: ctx.municipality.id,
        resource_id: resourceId,
        version: next,
        text_fi: clean.fi,
        text_sv: clean.sv,
        text_en: clean.en,
        created_by: ctx.actor.personId,
      })
      .execute();
    await audit(tx, ctx, 'resource.terms', `resource:${resourceId}`, {
      version: next,
      removed: filled === 0,
    });
    return currentTerms(tx, resourceId);
  });
}
