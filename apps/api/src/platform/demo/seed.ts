import { sql } from 'kysely';
import { asSystem, type Database, type Tx } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../http/context.js';
import { seedBookingsDemo } from '../../modules/bookings/bookings.demo.js';
import { seedCoursesDemo } from '../../modules/bookings/courses.demo.js';
import { seedShopDemo } from '../../modules/shop/shop.demo.js';
import { seedAccessDemo } from '../../modules/access/access.demo.js';
import { seedInvoicingDemo } from '../../modules/payments/payments.demo.js';
import { seedOrganisationsDemo } from '../../modules/organisations/organisations.demo.js';
import { seedDaycareDemo } from '../../modules/daycare/daycare.demo.js';
import { seedFeesDemo } from '../../modules/daycare/fees.demo.js';
import { seedFreePlacesDemo } from '../../modules/daycare/free-places.demo.js';
import { seedPortfolioDemo } from '../../modules/portfolio/portfolio.demo.js';
import { seedCasesDemo } from '../../modules/portfolio/cases.demo.js';

/** The demo password of every demo account. */
export const DEMO_PASSWORD = 'demo';

interface DemoPerson {
  email: string;
  name: string;
  municipality: 'tyrskyla' | 'pyharanta';
  roles: Role[];
  language?: 'fi' | 'sv' | 'en';
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: 'admin@tyrskyla.example',
    name: 'Aino Ylläpitäjä',
    municipality: 'tyrskyla',
    roles: ['admin', 'staff'],
  },
  {
    email: 'asukas@tyrskyla.example',
    name: 'Antti Asukas',
    municipality: 'tyrskyla',
    roles: ['resident'],
  },
  {
    email: 'huoltaja@tyrskyla.example',
    name: 'Hanna Huoltaja',
    municipality: 'tyrskyla',
    roles: ['resident', 'guardian'],
  },
  {
    email: 'varhaiskasvatus@tyrskyla.example',
    name: 'Veera Varhaiskasvattaja',
    municipality: 'tyrskyla',
    roles: ['staff', 'daycare_staff'],
  },
  {
    email: 'tilat@tyrskyla.example',
    name: 'Tapio Tilavastaava',
    municipality: 'tyrskyla',
    roles: ['staff', 'facility_admin'],
  },
  {
    email: 'digiryhma@tyrskyla.example',
    name: 'Diana Digiryhmä',
    municipality: 'tyrskyla',
    roles: ['staff', 'digital_team'],
  },
  {
    email: 'asukas@pyharanta.example',
    name: 'Pekka Pyhärantalainen',
    municipality: 'pyharanta',
    roles: ['resident'],
  },
  {
    email: 'admin@pyharanta.example',
    name: 'Pirjo Pääkäyttäjä',
    municipality: 'pyharanta',
    roles: ['admin', 'staff'],
  },
];

const MUNICIPALITIES = [
  {
    slug: 'tyrskyla',
    name_fi: 'Tyrskylä',
    name_sv: 'Tyrskylä',
    name_en: 'Tyrskylä',
    contact_email: 'kirjaamo@tyrskyla.example',
    contact_phone: '+358 40 123 4567',
    address: 'Kunnantalontie 1, 99999 Tyrskylä',
    theme_color: '#00567a',
  },
  {
    slug: 'pyharanta',
    name_fi: 'Pyhäranta',
    name_sv: 'Pyhäranta',
    name_en: 'Pyhäranta',
    contact_email: 'kirjaamo@pyharanta.example',
    contact_phone: '+358 2 123 4567',
    address: 'Keskustie 1, 23950 Pyhäranta',
    theme_color: '#5b3a8c',
  },
];

/**
 * Demo data for an empty database: the fictional Tyrskylä and Pyhäranta with one account per
 * role. Later modules add their own demo data here. Never run in production mode.
 */
/**
 * A module's demo data: seeded when the module's own table is empty, so a demo database made
 * by an older version gets the demo data of modules added since.
 */
interface ModuleDemo {
  table: keyof DB;
  seed: (
    tx: Tx,
    municipalityId: (slug: string) => string,
    personId: (email: string) => string,
  ) => Promise<void>;
}
const MODULES: ModuleDemo[] = [
  { table: 'resources', seed: seedBookingsDemo },
  { table: 'products', seed: seedShopDemo },
  { table: 'courses', seed: seedCoursesDemo },
  { table: 'doors', seed: seedAccessDemo },
  { table: 'invoice_settings', seed: seedInvoicingDemo },
  { table: 'organisations', seed: seedOrganisationsDemo },
  // After the courses: the demo guardian's children are placed in daycare.
  { table: 'daycare_units', seed: seedDaycareDemo },
  // The finance login and a statement of a demo family.
  { table: 'daycare_income_statements', seed: seedFeesDemo },
  // After the daycare units: subscriptions and a free place of them.
  { table: 'daycare_free_places', seed: seedFreePlacesDemo },
  // Ideas in every stage and a decision round held ten days ago.
  { table: 'portfolio_ideas', seed: seedPortfolioDemo },
  // Tyrskylä's case cards in the shared case bank, and the municipalities' sizes.
  { table: 'portfolio_cases', seed: seedCasesDemo },
];

export async function seedDemoData(db: Database): Promise<boolean> {
  // Hashed outside the transaction (it takes a moment), and only for an empty database.
  const empty = await asSystem(db, async (tx) => {
    return (await tx.selectFrom('municipalities').select('id').limit(1).execute()).length === 0;
  });
  const passwordHash = empty ? await hashPassword(DEMO_PASSWORD) : '';
  return asSystem(db, async (tx) => {
    const existing = await tx.selectFrom('municipalities').select(['id', 'slug']).execute();
    const fresh = existing.length === 0 && empty;
    if (fresh) await seedPlatform(tx, passwordHash);
    const municipalities = await tx.selectFrom('municipalities').select(['id', 'slug']).execute();
    const people = await tx.selectFrom('people').select(['id', 'email']).execute();
    const municipalityId = (slug: string) => municipalities.find((m) => m.slug === slug)!.id;
    const personId = (email: string) => people.find((p) => p.email === email)!.id;
    // Only into the demo installation itself (its municipalities and people must be there).
    const isDemo = ['tyrskyla', 'pyharanta'].every((slug) =>
      municipalities.some((m) => m.slug === slug),
    );
    if (!isDemo) return fresh;
    for (const module of MODULES) {
      const rows = await tx
        .selectFrom(module.table)
        .select(sql<number>`1`.as('one'))
        .limit(1)
        .execute();
      if (rows.length === 0) await module.seed(tx, municipalityId, personId);
    }
    return fresh;
  });
}

async function seedPlatform(tx: Tx, passwordHash: string) {
  const municipalities = await tx
    .insertInto('municipalities')
    .values(MUNICIPALITIES)
    .returning(['id', 'slug'])
    .execute();
  const idOf = (slug: string) => municipalities.find((m) => m.slug === slug)!.id;
  for (const person of DEMO_PEOPLE) {
    const { id } = await tx
      .insertInto('people')
      .values({
        email: person.email,
        name: person.name,
        language: person.language ?? 'fi',
        password_hash: passwordHash,
        oidc_issuer: null,
        oidc_subject: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('role_grants')
      .values(
        person.roles.map((role) => ({
          municipality_id: idOf(person.municipality),
          person_id: id,
          role,
          granted_by: null,
        })),
      )
      .execute();
  }
}
