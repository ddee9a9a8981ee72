import { asSystem, type Database } from '../db/database.js';
import { findMunicipalityById } from '../municipality/municipality.repo.js';
import type { Ctx } from '../http/context.js';

/**
 * The context a background job acts in: the job's municipality, no person (the audit log
 * records the system as the actor), links in emails to the public address.
 */
export async function jobContext(
  db: Database,
  municipalityId: string,
  baseUrl: string,
  requestId: string,
): Promise<Ctx> {
  const municipality = await asSystem(db, (tx) => findMunicipalityById(tx, municipalityId));
  if (!municipality) throw new Error(`no municipality ${municipalityId}`);
  return { db, municipality, actor: null, roles: [], requestId, language: 'fi', baseUrl };
}
