import { sql } from 'kysely';
import { containsPattern, type Tx } from '../../platform/db/database.js';
import type { OrganisationKind } from '../../platform/db/schema.js';

/** An organisation's details as stored, checked and normalised by the service. */
export interface OrganisationFields {
  kind: OrganisationKind;
  name: string;
  businessId: string | null;
  registerNumber: string | null;
  street: string;
  postcode: string;
  city: string;
  eInvoiceAddress: string | null;
  eInvoiceOperator: string | null;
  contactEmail: string;
}

export const columns = (f: OrganisationFields) => ({
  kind: f.kind,
  name: f.name,
  business_id: f.businessId,
  register_number: f.registerNumber,
  street: f.street,
  postcode: f.postcode,
  city: f.city,
  e_invoice_address: f.eInvoiceAddress,
  e_invoice_operator: f.eInvoiceOperator,
  contact_email: f.contactEmail,
});

const ORGANISATION_COLUMNS = [
  'id',
  'kind',
  'name',
  'business_id',
  'register_number',
  'street',
  'postcode',
  'city',
  'e_invoice_address',
  'e_invoice_operator',
  'contact_email',
  'active',
  'created_at',
] as const;

export async function findOrganisation(tx: Tx, id: string, lock = false) {
  let q = tx.selectFrom('organisations').select(ORGANISATION_COLUMNS).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

export async function membersOf(tx: Tx, organisationId: string) {
  return tx
    .selectFrom('organisation_members')
    .innerJoin('people', 'people.id', 'organisation_members.person_id')
    .select([
      'organisation_members.person_id',
      'people.name',
      'people.email',
      'organisation_members.added_at',
    ])
    .where('organisation_members.organisation_id', '=', organisationId)
    .orderBy('people.name')
    .orderBy('organisation_members.person_id')
    .execute();
}

export async function isMember(tx: Tx, organisationId: string, personId: string) {
  const row = await tx
    .selectFrom('organisation_members')
    .select('person_id')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Boolean(row);
}

const SUMMARY = [
  'organisations.id',
  'organisations.kind',
  'organisations.name',
  'organisations.business_id',
  'organisations.register_number',
  'organisations.active',
  sql<number>`(select count(*)::int from organisation_members m
               where m.organisation_id = organisations.id)`.as('member_count'),
] as const;

/** The active organisations a person may act for. */
export async function organisationsOfPerson(tx: Tx, personId: string) {
  return tx
    .selectFrom('organisations')
    .innerJoin('organisation_members', 'organisation_members.organisation_id', 'organisations.id')
    .select(SUMMARY)
    .where('organisation_members.person_id', '=', personId)
    .where('organisations.active', '=', true)
    .orderBy('organisations.name')
    .execute();
}

/** Staff's list: by name or business ID, inactive ones too when asked. */
export async function searchOrganisations(tx: Tx, q: string | undefined, inactive: boolean) {
  let query = tx.selectFrom('organisations').select(SUMMARY);
  if (!inactive) query = query.where('organisations.active', '=', true);
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('organisations.name', 'ilike', pattern),
        eb('organisations.business_id', 'ilike', pattern),
        eb('organisations.register_number', 'ilike', pattern),
      ]),
    );
  }
  return query.orderBy('organisations.name').orderBy('organisations.id').limit(500).execute();
}

export type OrganisationSummaryRow = Awaited<ReturnType<typeof organisationsOfPerson>>[number];

export const toSummary = (row: OrganisationSummaryRow) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  businessId: row.business_id,
  registerNumber: row.register_number,
  active: row.active,
  memberCount: row.member_count,
});
