import type { Tx } from '../db/database.js';
import { ROLES, type Role } from '../http/context.js';

export async function findPersonByEmail(tx: Tx, email: string) {
  return tx
    .selectFrom('people')
    .select(['id', 'name', 'email', 'language', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Roles of a person in the transaction's municipality (row-level security scopes it). */
export async function rolesOf(tx: Tx, personId: string): Promise<Role[]> {
  const rows = await tx
    .selectFrom('role_grants')
    .select('role')
    .where('person_id', '=', personId)
    .execute();
  const held = new Set(rows.map((row) => row.role));
  return ROLES.filter((role) => held.has(role));
}
