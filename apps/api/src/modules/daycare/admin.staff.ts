import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { findPersonByEmail } from '../../platform/auth/people.repo.js';
import { authChanged } from '../../platform/auth/session.repo.js';

/**
 * Staff memberships: a person works in a unit as a whole or in one of its groups. Adding one
 * gives the person the daycare staff role in the municipality; removing the last leaves the
 * role (it may be used elsewhere) but no unit to see.
 */

export async function listUnitStaff(ctx: Ctx, unitId: string) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unit = await tx
      .selectFrom('daycare_units')
      .select('id')
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound();
    const rows = await tx
      .selectFrom('daycare_staff as s')
      .innerJoin('people', 'people.id', 's.person_id')
      .leftJoin('daycare_groups as g', 'g.id', 's.group_id')
      .select([
        's.id',
        'people.id as person_id',
        'people.name',
        'people.email',
        'g.id as group_id',
        'g.name as group_name',
      ])
      .where('s.unit_id', '=', unitId)
      .orderBy('people.name')
      .orderBy('g.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      person: { id: r.person_id, name: r.name, email: r.email },
      group: r.group_id && r.group_name ? { id: r.group_id, name: r.group_name } : null,
    }));
  });
}

export async function addDaycareStaff(
  ctx: Ctx,
  unitId: string,
  input: { email: string; groupId: string | null },
) {
  requireRole(ctx, 'admin');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unit = await tx
      .selectFrom('daycare_units')
      .select('id')
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound();
    if (input.groupId) {
      const group = await tx
        .selectFrom('daycare_groups')
        .select('id')
        .where('id', '=', input.groupId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
      if (!group) throw notFound();
    }
    const person = await findPersonByEmail(tx, input.email);
    if (!person) throw new AppError(404, 'personNotFound');
    const membership = await tx
      .insertInto('daycare_staff')
      .values({
        municipality_id: ctx.municipality.id,
        person_id: person.id,
        unit_id: unitId,
        group_id: input.groupId,
        created_by: actor.personId,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!membership) throw new AppError(409, 'staffMemberExists');
    await tx
      .insertInto('role_grants')
      .values({
        municipality_id: ctx.municipality.id,
        person_id: person.id,
        role: 'daycare_staff',
        granted_by: actor.personId,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    authChanged(tx, person.id);
    await audit(tx, ctx, 'daycare.staff.add', `person:${person.id}`, {
      unitId,
      groupId: input.groupId,
    });
    return membership;
  });
}

export async function removeDaycareStaff(ctx: Ctx, membershipId: string) {
  requireRole(ctx, 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const removed = await tx
      .deleteFrom('daycare_staff')
      .where('id', '=', membershipId)
      .returning(['person_id', 'unit_id', 'group_id'])
      .executeTakeFirst();
    if (!removed) throw notFound();
    await audit(tx, ctx, 'daycare.staff.remove', `person:${removed.person_id}`, {
      unitId: removed.unit_id,
      groupId: removed.group_id,
    });
  });
}
