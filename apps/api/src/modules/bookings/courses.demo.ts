import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/**
 * Demo courses of Tyrskylä, relative to today: a children's swimming school open for
 * registration (first come), and a continuation group whose registration opens tomorrow
 * evening through the fair queue. The demo guardian has two children.
 */
export async function seedCoursesDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  const municipality = municipalityId('tyrskyla');
  const guardian = personId('huoltaja@tyrskyla.example');
  for (const [first, years] of [
    ['Eino', 6],
    ['Aino', 9],
  ] as const) {
    const { id } = await tx
      .insertInto('children')
      .values({
        municipality_id: municipality,
        first_name: first,
        last_name: 'Virtanen',
        birth_date: sql<string>`(current_date - make_interval(years => ${years}, days => 40))::date`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('guardianships')
      .values({ municipality_id: municipality, child_id: id, person_id: guardian })
      .execute();
  }
  const fee = await tx
    .insertInto('products')
    .values({
      municipality_id: municipality,
      kind: 'course_fee',
      name_fi: 'Uimakoulun kurssimaksu',
      name_sv: 'Kursavgift för simskolan',
      name_en: 'Swimming school fee',
      content_fi: 'Kymmenen 45 minuutin opetuskertaa uimahallissa, uimaopettaja ja allasmaksut.',
      content_sv: 'Tio lektioner på 45 minuter i simhallen, siminstruktör och bassängavgifter.',
      content_en: 'Ten 45-minute lessons at the swimming hall, the instructor and pool fees.',
      organiser: 'Tyrskylän kunta, liikuntapalvelut',
      provider: 'Tyrskylän uimahalli',
      quality_promise_fi: 'Jos opetuskerta peruuntuu, järjestämme korvaavan kerran.',
      quality_promise_sv: 'Om en lektion ställs in ordnar vi en ersättande lektion.',
      quality_promise_en: 'If a lesson is cancelled, we arrange a replacement lesson.',
      vat_rate_bp: 0,
      max_per_order: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('product_prices')
    .values([
      {
        municipality_id: municipality,
        product_id: fee.id,
        customer_group: 'resident',
        unit_price_cents: 6500,
      },
      {
        municipality_id: municipality,
        product_id: fee.id,
        customer_group: 'non_resident',
        unit_price_cents: 9000,
      },
    ])
    .execute();
  const courses: {
    name: [string, string, string];
    description: [string, string, string];
    ages: [number, number];
    seats: number;
    opens: RawBuilder<Date>;
    closes: RawBuilder<Date>;
    mode: 'first_come' | 'fair_queue';
    firstWeek: number;
    weekday: number;
  }[] = [
    {
      name: [
        'Lasten uimakoulu, alkeet',
        'Simskola för barn, nybörjare',
        "Children's swimming school, beginners",
      ],
      description: [
        'Vesileikkejä ja uinnin alkeet 5–7-vuotiaille. Vanhempi voi odottaa aulassa.',
        'Vattenlekar och simningens grunder för 5–7-åringar. Föräldern kan vänta i lobbyn.',
        'Water games and the basics of swimming for 5–7-year-olds. Parents can wait in the lobby.',
      ],
      ages: [5, 7],
      seats: 12,
      opens: sql<Date>`now() - interval '2 days'`,
      closes: sql<Date>`now() + interval '20 days'`,
      mode: 'first_come',
      firstWeek: 3,
      weekday: 2,
    },
    {
      name: [
        'Uimakoulu, jatkoryhmä',
        'Simskola, fortsättningsgrupp',
        'Swimming school, continuation group',
      ],
      description: [
        'Uintitekniikkaa 8–10-vuotiaille, jotka uivat jo 25 metriä. Suosittu kurssi: ilmoittautuminen avautuu reilun jonon kautta.',
        'Simteknik för 8–10-åringar som redan simmar 25 meter. En populär kurs: anmälan öppnar via en rättvis kö.',
        'Swimming technique for 8–10-year-olds who already swim 25 metres. A popular course: registration opens through a fair queue.',
      ],
      ages: [8, 10],
      seats: 10,
      opens: sql<Date>`(current_date + 1 + time '18:00') at time zone 'Europe/Helsinki'`,
      closes: sql<Date>`(current_date + 15 + time '18:00') at time zone 'Europe/Helsinki'`,
      mode: 'fair_queue',
      firstWeek: 3,
      weekday: 4,
    },
  ];
  for (const c of courses) {
    const { id } = await tx
      .insertInto('courses')
      .values({
        municipality_id: municipality,
        name_fi: c.name[0],
        name_sv: c.name[1],
        name_en: c.name[2],
        description_fi: c.description[0],
        description_sv: c.description[1],
        description_en: c.description[2],
        location: 'Tyrskylän uimahalli, Uimarinkatu 2',
        age_min: c.ages[0],
        age_max: c.ages[1],
        seats: c.seats,
        price_product_id: fee.id,
        registration_opens_at: c.opens,
        registration_closes_at: c.closes,
        registration_mode: c.mode,
        admit_per_minute: 5,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Ten weekly sessions at 17:00 local time on the course's weekday.
    await sql`
      insert into course_sessions (municipality_id, course_id, starts_at, ends_at)
      select ${municipality}, ${id}, (d + time '17:00') at time zone 'Europe/Helsinki',
             (d + time '17:45') at time zone 'Europe/Helsinki'
      from generate_series(0, 9) as w,
           lateral (select (date_trunc('week', current_date)::date + ${c.firstWeek * 7}::int + w * 7
                            + ${c.weekday - 1}::int) as d) as day`.execute(tx);
    await sql`insert into course_seats (municipality_id, course_id, seat_no)
              select ${municipality}, ${id}, n from generate_series(1, ${c.seats}) as n`.execute(
      tx,
    );
  }
}
