import { asSystem, type Database } from '../db/database.js';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../http/context.js';
import { seedBookingsDemo } from '../../modules/bookings/bookings.demo.js';

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
export async function seedDemoData(db: Database): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return asSystem(db, async (tx) => {
    const existing = await tx.selectFrom('municipalities').select('id').limit(1).execute();
    if (existing.length > 0) return false;
    const municipalities = await tx
      .insertInto('municipalities')
      .values(MUNICIPALITIES)
      .returning(['id', 'slug'])
      .execute();
    const idOf = (slug: string) => municipalities.find((m) => m.slug === slug)!.id;
    const people = new Map<string, string>();
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
      people.set(person.email, id);
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
    // Each module adds its demo data here, after the people it refers to.
    await seedBookingsDemo(tx, idOf, (email) => people.get(email)!);
    return true;
  });
}
