import { randomBytes } from 'node:crypto';
import type { Tx } from '../../platform/db/database.js';
import { addDays, localToday } from './days.js';

/**
 * Free-place alerts in Tyrskylä's demo: Päiväkoti Aallokko has two free places for 3–5-year-olds
 * from two weeks on (recorded by its staff before anyone subscribed, so nobody was told), the
 * demo resident follows Majakka's under 3-year-olds and Aallokko's 3–5-year-olds, and the
 * demo guardian follows Aallokko's pre-school.
 */
export async function seedFreePlacesDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  const m = municipalityId('tyrskyla');
  const units = await tx
    .selectFrom('daycare_units')
    .select(['id', 'name'])
    .where('municipality_id', '=', m)
    .execute();
  const unit = (name: string) => units.find((u) => u.name === name)?.id;
  const majakka = unit('Päiväkoti Majakka');
  const aallokko = unit('Päiväkoti Aallokko');
  // The unit logins come with the daycare demo, after `personId` was read.
  const staff = await tx
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'aallokko@tyrskyla.example')
    .executeTakeFirst();
  if (!majakka || !aallokko || !staff) return;
  await tx
    .insertInto('daycare_free_places')
    .values({
      municipality_id: m,
      unit_id: aallokko,
      age_group: 'age3to5',
      from_date: addDays(localToday(), 14),
      places: 2,
      note: 'Paikat vapautuvat muuton vuoksi.',
      notified: 0,
      created_by: staff.id,
    })
    .execute();
  const subscriptions = [
    { email: 'asukas@tyrskyla.example', unitId: majakka, ageGroup: 'under3' },
    { email: 'asukas@tyrskyla.example', unitId: aallokko, ageGroup: 'age3to5' },
    { email: 'huoltaja@tyrskyla.example', unitId: aallokko, ageGroup: 'preschool' },
  ] as const;
  await tx
    .insertInto('daycare_free_place_subscriptions')
    .values(
      subscriptions.map((s) => ({
        municipality_id: m,
        person_id: personId(s.email),
        unit_id: s.unitId,
        age_group: s.ageGroup,
        unsubscribe_token: randomBytes(32).toString('base64url'),
      })),
    )
    .execute();
}
