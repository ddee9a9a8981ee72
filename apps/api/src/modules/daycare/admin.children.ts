import { sql } from 'kysely';
import { containsPattern, inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { localToday } from './days.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { findPersonByEmail } from '../../platform/auth/people.repo.js';
import { authChanged } from '../../platform/auth/session.repo.js';

/**
 * Children and their guardians for the daycare administration. In production they come from
 * the population register; here an administrator finds a child (one a guardian added, or one
 * added here) or adds one with its guardians, who must have signed in to the service once.
 */

export interface NewChildInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  guardianEmails: string[];
}

/** Children whose name contains `query`, with their guardians and today's placement. */
export async function searchChildren(ctx: Ctx, query: string) {
  requireRole(ctx, 'admin');
  const today = localToday();
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const pattern = containsPattern(query.trim());
    const rows = await tx
      .selectFrom('children as c')
      .leftJoin('daycare_placements as p', (join) =>
        join
          .onRef('p.child_id', '=', 'c.id')
          .on('p.start_date', '<=', today)
          .on((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)])),
      )
      .leftJoin('daycare_units as u', 'u.id', 'p.unit_id')
      .leftJoin('daycare_groups as g', 'g.id', 'p.group_id')
      .select([
        'c.id',
        'c.first_name',
        'c.last_name',
        sql<string>`c.birth_date::text`.as('birth_date'),
        'u.name as unit_name',
        'g.name as group_name',
        (eb) =>
          eb
            .selectFrom('guardianships as gs')
            .innerJoin('people', 'people.id', 'gs.person_id')
            .select(
              sql<string[]>`coalesce(array_agg(people.name order by people.name), '{}')`.as('n'),
            )
            .whereRef('gs.child_id', '=', 'c.id')
            .as('guardians'),
      ])
      .where(sql<boolean>`c.first_name || ' ' || c.last_name ilike ${pattern}`)
      .orderBy('c.last_name')
      .orderBy('c.first_name')
      .orderBy('c.id')
      .limit(20)
      .execute();
    await audit(tx, ctx, 'daycare.child.search', null, {
      query,
      children: rows.map((r) => r.id),
    });
    return rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      birthDate: r.birth_date,
      guardians: r.guardians ?? [],
      placedIn: r.unit_name && r.group_name ? `${r.unit_name}, ${r.group_name}` : null,
    }));
  });
}

/** A child and its guardians (who get the guardian role here if they had not). */
export async function createDaycareChild(ctx: Ctx, input: NewChildInput) {
  requireRole(ctx, 'admin');
  const actor = ctx.actor;
  if (input.birthDate > localToday() || input.birthDate < '1990-01-01') {
    throw new AppError(422, 'birthDate');
  }
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const guardians = [];
    for (const email of new Set(input.guardianEmails.map((e) => e.trim().toLowerCase()))) {
      const person = await findPersonByEmail(tx, email);
      if (!person) throw new AppError(404, 'guardianNotFound', { email });
      guardians.push(person);
    }
    const child = await tx
      .insertInto('children')
      .values({
        municipality_id: ctx.municipality.id,
        first_name: input.firstName.trim(),
        last_name: input.lastName.trim(),
        birth_date: input.birthDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('guardianships')
      .values(
        guardians.map((g) => ({
          municipality_id: ctx.municipality.id,
          child_id: child.id,
          person_id: g.id,
        })),
      )
      .execute();
    await tx
      .insertInto('role_grants')
      .values(
        guardians.map((g) => ({
          municipality_id: ctx.municipality.id,
          person_id: g.id,
          role: 'guardian',
          granted_by: actor.personId,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const g of guardians) authChanged(tx, g.id);
    await audit(tx, ctx, 'daycare.child.create', `child:${child.id}`, {
      guardians: guardians.map((g) => g.id),
    });
    return {
      id: child.id,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      birthDate: input.birthDate,
      guardians: guardians.map((g) => g.name),
      placedIn: null,
    };
  });
}
