import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { AuthenticatedCtx, Ctx } from '../../platform/http/context.js';
import type { CustomerGroup } from '../../platform/db/schema.js';

/**
 * Who buys: a person for themselves, or a person acting for an organisation they are a member
 * of. The buyer decides the customer group (and so the prices), the cart the things go into and
 * whom an invoice is addressed to.
 */
export interface Buyer {
  personId: string;
  organisationId: string | null;
  group: CustomerGroup;
}

/**
 * Which price a person pays for themselves: a resident of the municipality (role resident) pays
 * the resident price, anyone else the non-resident price. An association or a company pays its
 * own group's price when a member acts for it (buyerFor).
 */
export function customerGroupOf(ctx: Ctx): CustomerGroup {
  return ctx.roles.includes('resident') ? 'resident' : 'non_resident';
}

/** The customer group of someone else than the asker (a booker whose request staff approve). */
export async function customerGroupOfPerson(tx: Tx, personId: string): Promise<CustomerGroup> {
  const resident = await tx
    .selectFrom('role_grants')
    .select('role')
    .where('person_id', '=', personId)
    .where('role', '=', 'resident')
    .executeTakeFirst();
  return resident ? 'resident' : 'non_resident';
}

/** The organisation, if the person is a member of it and it is active (row-level security scopes it). */
export async function activeMembership(tx: Tx, organisationId: string, personId: string) {
  return tx
    .selectFrom('organisations')
    .innerJoin('organisation_members', 'organisation_members.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.kind', 'organisations.name'])
    .where('organisations.id', '=', organisationId)
    .where('organisations.active', '=', true)
    .where('organisation_members.person_id', '=', personId)
    .executeTakeFirst();
}

/**
 * The asker as a buyer: themselves, or the organisation they act for. Someone who is not a
 * member of an active organisation cannot act for it (the same answer whether or not it
 * exists, so ids cannot be probed).
 */
export async function buyerFor(
  tx: Tx,
  ctx: AuthenticatedCtx,
  organisationId: string | null | undefined,
): Promise<Buyer> {
  const personId = ctx.actor.personId;
  if (!organisationId) return { personId, organisationId: null, group: customerGroupOf(ctx) };
  const organisation = await activeMembership(tx, organisationId, personId);
  if (!organisation) throw new AppError(403, 'notOrganisationMember');
  return { personId, organisationId, group: organisation.kind };
}

/**
 * The group of a buyer known by ids (a held booking or seat put into a cart by staff or a job):
 * the organisation's kind, else the person's own group.
 */
export async function groupOfBuyer(
  tx: Tx,
  personId: string,
  organisationId: string | null,
): Promise<CustomerGroup> {
  if (!organisationId) return customerGroupOfPerson(tx, personId);
  const organisation = await tx
    .selectFrom('organisations')
    .select('kind')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return organisation.kind;
}
