import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/database.js';
import { addDays, isoWeekday, localToday } from './days.js';
import { seedDemoMessages } from './messages.demo.js';
import { seedDemoDiscussions } from './discussions.demo.js';
import {
  DEMO_ABSENCES,
  DEMO_FAMILIES,
  DEMO_GROUPS,
  type DemoGroup,
} from './daycare.demo-families.js';

/** The demo staff logins, one per unit (their password is the demo password). */
export const DEMO_DAYCARE_STAFF = [
  { email: 'majakka@tyrskyla.example', name: 'Maarit Merinen', language: 'fi', unit: 'majakka' },
  { email: 'aallokko@tyrskyla.example', name: 'Anna Lindqvist', language: 'sv', unit: 'aallokko' },
] as const;

/** "Mikko Hämäläinen" → mikko.hamalainen@perhe.example */
const demoEmail = (first: string, last: string) =>
  `${first}.${last}@perhe.example`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const UNITS = {
  majakka: {
    name: 'Päiväkoti Majakka',
    address: 'Majakkatie 3, 99999 Tyrskylä',
    phone: '+358 40 123 4501',
    email: 'majakka@paivakoti.tyrskyla.example',
  },
  aallokko: {
    name: 'Päiväkoti Aallokko',
    address: 'Rantakatu 12, 99999 Tyrskylä',
    phone: '+358 40 123 4502',
    email: 'aallokko@paivakoti.tyrskyla.example',
  },
};

/**
 * Tyrskylä's daycare: two units with two groups each, forty children and their guardians,
 * a login per unit, the demo guardian's children placed (Eino in Majakka's pre-school group,
 * Aino in Aallokko's afternoon club; Veera of the daycare staff works in Eino's group), and
 * some absences reported already. Pyhäranta has a unit of its own, for tenant isolation.
 */
export async function seedDaycareDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  const m = municipalityId('tyrskyla');
  const today = localToday();
  const since = addDays(today, -200);
  // Every demo account shares the demo password: take its hash from the demo guardian.
  const { password_hash } = await tx
    .selectFrom('people')
    .select('password_hash')
    .where('id', '=', personId('huoltaja@tyrskyla.example'))
    .executeTakeFirstOrThrow();

  const unitIds = {} as Record<keyof typeof UNITS, string>;
  for (const [key, unit] of Object.entries(UNITS) as [keyof typeof UNITS, typeof UNITS.majakka][]) {
    unitIds[key] = (
      await tx
        .insertInto('daycare_units')
        .values({ municipality_id: m, ...unit })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const groupIds = {} as Record<DemoGroup, string>;
  for (const g of DEMO_GROUPS) {
    groupIds[g.key] = (
      await tx
        .insertInto('daycare_groups')
        .values({ municipality_id: m, unit_id: unitIds[g.unit], name: g.name, capacity: 12 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const unitOf = (group: DemoGroup) => unitIds[DEMO_GROUPS.find((g) => g.key === group)!.unit];
  const place = (childId: string, group: DemoGroup, start = since) =>
    tx
      .insertInto('daycare_placements')
      .values({
        municipality_id: m,
        child_id: childId,
        unit_id: unitOf(group),
        group_id: groupIds[group],
        start_date: start,
        end_date: null,
      })
      .execute();

  // Staff: a login for each unit as a whole, and Veera in Eino's group.
  const staffIds = {} as Record<keyof typeof UNITS, string>;
  for (const s of DEMO_DAYCARE_STAFF) {
    const existing = await tx
      .selectFrom('people')
      .select('id')
      .where('email', '=', s.email)
      .executeTakeFirst();
    const id =
      existing?.id ??
      (
        await tx
          .insertInto('people')
          .values({ email: s.email, name: s.name, language: s.language, password_hash })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await tx
      .insertInto('role_grants')
      .values(
        ['staff', 'daycare_staff'].map((role) => ({ municipality_id: m, person_id: id, role })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('daycare_staff')
      .values({ municipality_id: m, person_id: id, unit_id: unitIds[s.unit], group_id: null })
      .execute();
    staffIds[s.unit] = id;
  }
  await tx
    .insertInto('daycare_staff')
    .values({
      municipality_id: m,
      person_id: personId('varhaiskasvatus@tyrskyla.example'),
      unit_id: unitIds.majakka,
      group_id: groupIds.meritahdet,
    })
    .execute();

  // The demo guardian's children from the courses demo.
  const virtanen = await tx
    .selectFrom('children')
    .innerJoin('guardianships', 'guardianships.child_id', 'children.id')
    .select(['children.id', 'children.first_name'])
    .where('guardianships.person_id', '=', personId('huoltaja@tyrskyla.example'))
    .execute();
  for (const child of virtanen) {
    if (child.first_name === 'Eino') await place(child.id, 'meritahdet');
    if (child.first_name === 'Aino') await place(child.id, 'kotilot');
  }

  const childIds = new Map<string, { id: string; guardian: string }>();
  for (const family of DEMO_FAMILIES) {
    // The families cannot sign in (no password) and hold no roles, so that announcements
    // and role counts of the demo stay as they were; their addresses are for later features.
    const guardians = await tx
      .insertInto('people')
      .values(
        family.guardians.map((first) => ({
          email: demoEmail(first, family.lastName),
          name: `${first} ${family.lastName}`,
          language: family.language ?? 'fi',
        })),
      )
      .returning('id')
      .execute();
    for (const [first, years, group] of family.children) {
      const child = await tx
        .insertInto('children')
        .values({
          municipality_id: m,
          first_name: first,
          last_name: family.lastName,
          birth_date: addDays(today, -Math.round(years * 365.25 + 40 + first.length * 23)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('guardianships')
        .values(guardians.map((g) => ({ municipality_id: m, child_id: child.id, person_id: g.id })))
        .execute();
      // Onni starts in two weeks: a future placement to see in the administration.
      await place(child.id, group, first === 'Onni' ? addDays(today, 14) : since);
      childIds.set(`${first} ${family.lastName}`, { id: child.id, guardian: guardians[0]!.id });
    }
  }

  // Absences on the units' open days (Monday to Friday) from today on.
  const openDays: string[] = [];
  for (let day = today; openDays.length < 12; day = addDays(day, 1)) {
    if (isoWeekday(day) <= 5) openDays.push(day);
  }
  for (const a of DEMO_ABSENCES) {
    const child = childIds.get(a.child)!;
    const reportId = randomUUID();
    await tx
      .insertInto('daycare_absences')
      .values(
        openDays.slice(a.fromOpenDay, a.fromOpenDay + a.days).map((day) => ({
          municipality_id: m,
          child_id: child.id,
          absence_date: day,
          category: a.category,
          note: a.note,
          report_id: reportId,
          reported_by: child.guardian,
        })),
      )
      .execute();
  }
  await tx
    .insertInto('daycare_settings')
    .values({ municipality_id: m, updated_by: null })
    .execute();
  await seedDemoMessages(tx, m, staffIds.majakka, unitIds.majakka, groupIds.meritahdet, today);
  await seedDemoDiscussions(
    tx,
    m,
    {
      unitId: unitIds.majakka,
      groupId: groupIds.meritahdet,
      unitStaffId: staffIds.majakka,
      groupStaffId: personId('varhaiskasvatus@tyrskyla.example'),
    },
    today,
  );
  await seedPyharanta(tx, municipalityId('pyharanta'), since);
}

/** Pyhäranta's own unit, group and child, which no Tyrskylä person may ever see. */
async function seedPyharanta(tx: Tx, m: string, since: string) {
  const unit = await tx
    .insertInto('daycare_units')
    .values({ municipality_id: m, name: 'Päiväkoti Pyhälintu', address: 'Keskustie 4' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const group = await tx
    .insertInto('daycare_groups')
    .values({ municipality_id: m, unit_id: unit.id, name: 'Tiirat' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const guardian = await tx
    .insertInto('people')
    .values({ email: demoEmail('Pia', 'Pyykkönen'), name: 'Pia Pyykkönen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const child = await tx
    .insertInto('children')
    .values({
      municipality_id: m,
      first_name: 'Pinja',
      last_name: 'Pyykkönen',
      birth_date: '2021-05-04',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('guardianships')
    .values({ municipality_id: m, child_id: child.id, person_id: guardian.id })
    .execute();
  await tx
    .insertInto('daycare_placements')
    .values({
      municipality_id: m,
      child_id: child.id,
      unit_id: unit.id,
      group_id: group.id,
      start_date: since,
      end_date: null,
    })
    .execute();
  await tx
    .insertInto('daycare_settings')
    .values({ municipality_id: m, absence_cutoff: '08:30', updated_by: null })
    .execute();
}
