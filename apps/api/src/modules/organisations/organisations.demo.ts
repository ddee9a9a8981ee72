import type { Tx } from '../../platform/db/database.js';
import type { OrganisationFields } from './organisations.repo.js';
import { columns } from './organisations.repo.js';

interface DemoOrganisation extends OrganisationFields {
  municipality: 'tyrskyla' | 'pyharanta';
  members: string[];
}

/**
 * A sports club and a company in Tyrskylä for the demo resident to book and buy for (the
 * sports hall has association and company prices), and a club in Pyhäranta so that tenant
 * isolation always has organisations on both sides.
 */
const ORGANISATIONS: DemoOrganisation[] = [
  {
    municipality: 'tyrskyla',
    kind: 'association',
    name: 'Tyrskylän Urheiluseura ry',
    businessId: '2345678-0',
    registerNumber: '123.456',
    street: 'Urheilutie 5',
    postcode: '99999',
    city: 'Tyrskylä',
    eInvoiceAddress: null,
    eInvoiceOperator: null,
    contactEmail: 'rahastonhoitaja@urheiluseura.example',
    members: ['asukas@tyrskyla.example'],
  },
  {
    municipality: 'tyrskyla',
    kind: 'company',
    name: 'Tyrskylän Kuntopalvelu Oy',
    businessId: '3055123-3',
    registerNumber: null,
    street: 'Kauppakatu 2',
    postcode: '99999',
    city: 'Tyrskylä',
    eInvoiceAddress: '003730551233',
    eInvoiceOperator: 'NDEAFIHH',
    contactEmail: 'laskut@kuntopalvelu.example',
    members: ['asukas@tyrskyla.example', 'huoltaja@tyrskyla.example'],
  },
  {
    municipality: 'pyharanta',
    kind: 'association',
    name: 'Pyhärannan Pallo ry',
    businessId: null,
    registerNumber: '98.765',
    street: 'Keskustie 10',
    postcode: '23950',
    city: 'Pyhäranta',
    eInvoiceAddress: null,
    eInvoiceOperator: null,
    contactEmail: 'pallo@pyharanta.example',
    members: ['asukas@pyharanta.example'],
  },
];

export async function seedOrganisationsDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  for (const { municipality, members, ...fields } of ORGANISATIONS) {
    const municipalityKey = municipalityId(municipality);
    const { id } = await tx
      .insertInto('organisations')
      .values({ municipality_id: municipalityKey, ...columns(fields), created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('organisation_members')
      .values(
        members.map((email) => ({
          municipality_id: municipalityKey,
          organisation_id: id,
          person_id: personId(email),
          added_by: null,
        })),
      )
      .execute();
  }
}
