import type { Tx } from '../../platform/db/database.js';
import { addDays, isoWeekday } from './days.js';
import { localMoment } from './discussions.repo.js';
import { seriesSlots } from './discussions.slots.js';
import { scheduleReminder } from './discussions.notify.js';

/**
 * Demo discussion times and events in Päiväkoti Majakka: a VASU survey for the Meritähdet
 * group (Eino's) with free slots on Tuesday and Wednesday next week held by Veera and Maarit
 * in parallel, bookable until Monday (one booked by another family); a forest trip of the
 * group and a parents' evening of the unit.
 */
export async function seedDemoDiscussions(
  tx: Tx,
  m: string,
  place: { unitId: string; groupId: string; unitStaffId: string; groupStaffId: string },
  today: string,
) {
  let monday = addDays(today, 1);
  while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
  const children = await tx
    .selectFrom('daycare_placements')
    .select('child_id')
    .distinct()
    .where('group_id', '=', place.groupId)
    .where('start_date', '<=', today)
    .execute();
  const survey = await tx
    .insertInto('discussion_surveys')
    .values({
      municipality_id: m,
      unit_id: place.unitId,
      group_id: place.groupId,
      title: 'VASU-keskustelut',
      description:
        'Keskustelemme lapsenne varhaiskasvatussuunnitelmasta (VASU). Varatkaa aika ' +
        'jokaiselle lapselle erikseen. Keskustelu kestää 45 minuuttia.',
      booking_deadline: monday,
      created_by: place.unitStaffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('discussion_survey_children')
    .values(
      children.map((c) => ({ municipality_id: m, survey_id: survey.id, child_id: c.child_id })),
    )
    .execute();
  const series = (day: string, staffId: string, where: string) =>
    seriesSlots({
      day,
      from: '08:00',
      to: '12:00',
      minutes: 45,
      breakMinutes: 15,
      staffId,
      place: where,
    });
  const slots = [
    ...series(addDays(monday, 1), place.groupStaffId, 'Meritähtien ryhmähuone'),
    ...series(addDays(monday, 1), place.unitStaffId, 'Videopuhelu (linkki tulee sähköpostiin)'),
    ...series(addDays(monday, 2), place.groupStaffId, 'Meritähtien ryhmähuone'),
  ];
  const inserted = await tx
    .insertInto('discussion_slots')
    .values(
      slots.map((s) => ({
        municipality_id: m,
        survey_id: survey.id,
        starts_at: localMoment(s.day, s.start),
        ends_at: localMoment(s.day, s.end),
        staff_id: s.staffId,
        place: s.place,
      })),
    )
    .returning(['id', 'starts_at'])
    .execute();
  // Another family has booked Wednesday's first time already: the staff see a booking and
  // who has not booked, the demo guardian one taken time fewer.
  const other = await tx
    .selectFrom('guardianships')
    .innerJoin('people', 'people.id', 'guardianships.person_id')
    .select(['guardianships.child_id', 'guardianships.person_id'])
    .where(
      'guardianships.child_id',
      'in',
      children.map((c) => c.child_id),
    )
    .where('people.email', 'like', '%@perhe.example')
    .orderBy('people.email')
    .executeTakeFirstOrThrow();
  const wednesday = inserted.at(-slots.filter((s) => s.day === addDays(monday, 2)).length)!;
  const booking = await tx
    .insertInto('discussion_bookings')
    .values({
      municipality_id: m,
      survey_id: survey.id,
      slot_id: wednesday.id,
      child_id: other.child_id,
      booked_by: other.person_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await scheduleReminder(tx, m, booking.id, wednesday.starts_at);
  await tx
    .insertInto('daycare_events')
    .values([
      {
        municipality_id: m,
        unit_id: place.unitId,
        group_id: place.groupId,
        title: 'Metsäretki Majakkasaareen',
        description: 'Lähdemme aamupalan jälkeen. Sään mukaiset vaatteet ja kumisaappaat.',
        start_date: addDays(monday, 3),
        end_date: addDays(monday, 3),
        start_time: null,
        end_time: null,
        created_by: place.groupStaffId,
      },
      {
        municipality_id: m,
        unit_id: place.unitId,
        group_id: null,
        title: 'Vanhempainilta',
        description: 'Tervetuloa tutustumaan syksyn suunnitelmiin. Kahvitarjoilu.',
        start_date: addDays(monday, 8),
        end_date: addDays(monday, 8),
        start_time: '18:00',
        end_time: '19:30',
        created_by: place.unitStaffId,
      },
    ])
    .execute();
}
