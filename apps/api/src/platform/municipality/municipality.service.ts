import { inTenant } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { AppError, notFound } from '../http/errors.js';
import { requireRole, type Ctx, type Municipality, type Role } from '../http/context.js';
import { findPersonByEmail } from '../auth/people.repo.js';
import { authChanged } from '../auth/session.repo.js';
import { ALL } from '../cache/invalidating-cache.js';
import * as repo from './municipality.repo.js';

export async function getMunicipality(ctx: Ctx): Promise<Municipality> {
  return ctx.municipality;
}

export async function updateSettings(
  ctx: Ctx,
  settings: Omit<Municipality, 'id' | 'slug'>,
): Promise<Municipality> {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const updated = await repo.updateMunicipality(tx, ctx.municipality.id, settings);
    if (!updated) throw notFound();
    authChanged(tx, ALL);
    await audit(tx, ctx, 'municipality.updateSettings', `municipality:${updated.id}`, {
      themeColor: settings.themeColor,
    });
    return updated;
  });
}

export async function listPeople(ctx: Ctx, query: string | undefined, limit: number) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const people = await repo.listPeopleWithRoles(tx, query, limit);
    await audit(tx, ctx, 'person.list', null, { query: query ?? null, count: people.length });
    return people;
  });
}

export async function grantRole(ctx: Ctx, email: string, role: Role) {
  requireRole(ctx, 'admin');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const person = await findPersonByEmail(tx, email);
    if (!person) throw new AppError(404, 'personNotFound');
    await tx
      .insertInto('role_grants')
      .values({
        municipality_id: ctx.municipality.id,
        person_id: person.id,
        role,
        granted_by: actor.personId,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    authChanged(tx, person.id);
    await audit(tx, ctx, 'role.grant', `person:${person.id}`, { role });
    return (await repo.personWithRoles(tx, person.id))!;
  });
}

export async function revokeRole(ctx: Ctx, personId: string, role: Role) {
  requireRole(ctx, 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const result = await tx
      .deleteFrom('role_grants')
      .where('person_id', '=', personId)
      .where('role', '=', role)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound();
    authChanged(tx, personId);
    await audit(tx, ctx, 'role.revoke', `person:${personId}`, { role });
  });
}
