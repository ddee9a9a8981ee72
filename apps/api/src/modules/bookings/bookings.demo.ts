import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { ResourceKind } from '../../platform/db/schema.js';

interface DemoResource {
  municipality: 'tyrskyla' | 'pyharanta';
  kind: ResourceKind;
  name: [fi: string, sv: string, en: string];
  description: [fi: string, sv: string, en: string];
  location: string;
  capacity: number;
  accessible?: boolean;
  selfService?: boolean;
  approval?: boolean;
  slot?: { min: number; max: number; step: 15 | 30 | 60; buffer?: number };
  /** Terms of use the booker accepts (version 1). */
  terms?: [fi: string, sv: string, en: string];
  /** weekday (1 = Monday) → [opens, closes] */
  hours: Record<number, [string, string]>;
}

const weekdays = (opens: string, closes: string) =>
  Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [opens, closes]])) as Record<
    number,
    [string, string]
  >;
const everyDay = (opens: string, closes: string) =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [opens, closes]])) as Record<
    number,
    [string, string]
  >;

const RESOURCES: DemoResource[] = [
  {
    municipality: 'tyrskyla',
    kind: 'sports_hall',
    name: ['Tyrskylän liikuntahalli', 'Tyrskylä idrottshall', 'Tyrskylä sports hall'],
    description: [
      'Täysimittainen sali pallopeleihin ja voimisteluun. Pukuhuoneet ja suihkut.',
      'Fullstor sal för bollspel och gymnastik. Omklädningsrum och duschar.',
      'Full-size hall for ball games and gymnastics. Changing rooms and showers.',
    ],
    location: 'Urheilutie 3, Tyrskylä',
    capacity: 200,
    accessible: true,
    approval: true,
    slot: { min: 60, max: 180, step: 30 },
    hours: { ...weekdays('07:00', '22:00'), 6: ['09:00', '20:00'], 7: ['09:00', '20:00'] },
  },
  {
    municipality: 'tyrskyla',
    kind: 'sauna',
    name: ['Rantasauna', 'Strandbastun', 'Lakeside sauna'],
    description: [
      'Puulämmitteinen sauna järven rannalla. Ovi avautuu varauksen PIN-koodilla.',
      'Vedeldad bastu vid sjöstranden. Dörren öppnas med bokningens PIN-kod.',
      'Wood-heated sauna on the lake shore. The door opens with the PIN of the booking.',
    ],
    location: 'Rantapolku 8, Tyrskylä',
    capacity: 12,
    selfService: true,
    slot: { min: 60, max: 120, step: 60, buffer: 30 },
    hours: everyDay('16:00', '22:00'),
    terms: [
      'Sauna on varaajan vastuulla koko varauksen ajan. Lämmitä vain kiukaan puilla, älä jätä tulta vartioimatta ja sammuta valot lähtiessäsi. Siivoa lauteet ja pukuhuone. Lähtiessä ovi lukittuu itsestään; PIN-koodia ei saa antaa muille kuin seurueellesi. Vahingoista vastaa varaaja.',
      'Bokaren ansvarar för bastun under hela bokningen. Elda bara med aggregatets ved, lämna inte elden utan tillsyn och släck lamporna när du går. Städa lavarna och omklädningsrummet. Dörren låses av sig själv när du går; PIN-koden får inte ges till andra än ditt sällskap. Bokaren ansvarar för skador.',
      'The booker is responsible for the sauna for the whole booking. Heat the stove only with its firewood, never leave the fire unattended and switch off the lights when you leave. Clean the benches and the changing room. The door locks itself when you leave; do not give the PIN to anyone outside your party. The booker is liable for damage.',
    ],
  },
  {
    municipality: 'tyrskyla',
    kind: 'meeting_room',
    name: ['Kokoushuone Tyrsky', 'Mötesrummet Tyrsky', 'Meeting room Tyrsky'],
    description: [
      'Kokoushuone kunnantalolla: näyttö, videoneuvottelulaitteet ja induktiosilmukka.',
      'Mötesrum i kommunhuset: skärm, videokonferensutrustning och hörslinga.',
      'Meeting room in the town hall: display, video conferencing and a hearing loop.',
    ],
    location: 'Kunnantalontie 1, Tyrskylä',
    capacity: 12,
    accessible: true,
    slot: { min: 30, max: 240, step: 30 },
    hours: weekdays('08:00', '20:00'),
  },
  {
    municipality: 'tyrskyla',
    kind: 'meeting_room',
    name: ['Kokoushuone Laine', 'Mötesrummet Laine', 'Meeting room Laine'],
    description: [
      'Pieni neuvotteluhuone kirjaston toisessa kerroksessa.',
      'Litet förhandlingsrum på bibliotekets andra våning.',
      'Small meeting room on the second floor of the library.',
    ],
    location: 'Kirjastokuja 2, Tyrskylä',
    capacity: 6,
    slot: { min: 30, max: 180, step: 30 },
    hours: weekdays('08:00', '16:00'),
  },
  {
    municipality: 'tyrskyla',
    kind: 'music_room',
    name: ['Nuorisotalon bändikämppä', 'Bandlokalen i ungdomsgården', 'Youth centre band room'],
    description: [
      'Rummut, vahvistimet ja PA. Varaukset hyväksyy nuorisotyöntekijä.',
      'Trummor, förstärkare och PA. Bokningarna godkänns av en ungdomsarbetare.',
      'Drums, amplifiers and a PA. A youth worker approves the bookings.',
    ],
    location: 'Nuorisotalo, Koulutie 5, Tyrskylä',
    capacity: 8,
    approval: true,
    slot: { min: 60, max: 180, step: 60 },
    hours: everyDay('12:00', '21:00'),
  },
  {
    municipality: 'pyharanta',
    kind: 'sports_hall',
    name: [
      'Pyhärannan koulun liikuntasali',
      'Pyhäranta skolas gymnastiksal',
      'Pyhäranta school gym hall',
    ],
    description: [
      'Koulun sali iltaisin ja viikonloppuisin seurojen ja asukkaiden käyttöön.',
      'Skolans sal för föreningar och invånare på kvällar och veckoslut.',
      'The school hall for clubs and residents in the evenings and at weekends.',
    ],
    location: 'Koulutie 1, Pyhäranta',
    capacity: 100,
    accessible: true,
    slot: { min: 60, max: 120, step: 60 },
    hours: { ...weekdays('17:00', '21:00'), 6: ['10:00', '16:00'] },
  },
];

/** Finnish public holidays with fixed dates, closed in the demo facilities. */
const HOLIDAYS: [month: number, day: number, reason: string][] = [
  [12, 6, 'Itsenäisyyspäivä'],
  [12, 24, 'Jouluaatto'],
  [12, 25, 'Joulupäivä'],
  [12, 26, 'Tapaninpäivä'],
  [1, 1, 'Uudenvuodenpäivä'],
  [1, 6, 'Loppiainen'],
];

/** Facilities with opening hours, holidays and a few bookings, relative to today. */
export async function seedBookingsDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  const ids: Record<string, string> = {};
  for (const r of RESOURCES) {
    const municipality = municipalityId(r.municipality);
    const { id } = await tx
      .insertInto('resources')
      .values({
        municipality_id: municipality,
        kind: r.kind,
        name_fi: r.name[0],
        name_sv: r.name[1],
        name_en: r.name[2],
        description_fi: r.description[0],
        description_sv: r.description[1],
        description_en: r.description[2],
        location: r.location,
        capacity: r.capacity,
        accessible: r.accessible ?? false,
        self_service: r.selfService ?? false,
        booking_mode: r.approval ? 'approval' : 'instant',
        slot_min_minutes: r.slot?.min ?? 60,
        slot_max_minutes: r.slot?.max ?? 180,
        slot_step_minutes: r.slot?.step ?? 30,
        buffer_minutes: r.slot?.buffer ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[r.name[0]] = id;
    if (r.terms) {
      await tx
        .insertInto('resource_terms')
        .values({
          municipality_id: municipality,
          resource_id: id,
          version: 1,
          text_fi: r.terms[0],
          text_sv: r.terms[1],
          text_en: r.terms[2],
        })
        .execute();
    }
    await tx
      .insertInto('opening_hours')
      .values(
        Object.entries(r.hours).map(([weekday, [opens, closes]]) => ({
          municipality_id: municipality,
          resource_id: id,
          weekday: Number(weekday),
          opens,
          closes,
        })),
      )
      .execute();
    const year = new Date().getFullYear();
    await tx
      .insertInto('opening_exceptions')
      .values(
        [year, year + 1].flatMap((y) =>
          HOLIDAYS.map(([month, day, reason]) => ({
            municipality_id: municipality,
            resource_id: id,
            day: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            opens: null,
            closes: null,
            reason,
          })),
        ),
      )
      .execute();
  }

  // A few bookings in the coming days, in local time. Holidays and weekends may make one
  // fall outside opening hours; the demo does not need them to be bookable, only shown.
  const tyrskyla = municipalityId('tyrskyla');
  const book = async (
    resource: string,
    daysAhead: number,
    from: string,
    to: string,
    who: string | null,
    status: 'confirmed' | 'requested',
    purpose: string,
    buffer = 0,
  ) => {
    const start = sql`((current_date + ${daysAhead}::int) + ${from}::time) at time zone 'Europe/Helsinki'`;
    const end = sql`((current_date + ${daysAhead}::int) + ${to}::time) at time zone 'Europe/Helsinki'`;
    await sql`
      insert into reservations (municipality_id, resource_id, kind, person_id, during, blocks, status,
                                purpose, terms_version)
      values (${tyrskyla}, ${ids[resource]}, ${who ? 'booking' : 'block'}, ${who ? personId(who) : null},
              tstzrange(${start}, ${end}),
              tstzrange(${start}, ${end} + make_interval(mins => ${buffer})),
              ${status}, ${purpose},
              ${who ? sql`(select max(version) from resource_terms where resource_id = ${ids[resource]})` : null})`.execute(
      tx,
    );
  };
  await book(
    'Rantasauna',
    1,
    '18:00',
    '20:00',
    'asukas@tyrskyla.example',
    'confirmed',
    'Saunailta',
    30,
  );
  await book(
    'Kokoushuone Tyrsky',
    2,
    '09:00',
    '11:00',
    'digiryhma@tyrskyla.example',
    'confirmed',
    'Digiryhmän kokous',
  );
  await book(
    'Nuorisotalon bändikämppä',
    3,
    '16:00',
    '18:00',
    'huoltaja@tyrskyla.example',
    'requested',
    'Bänditreenit',
  );
  await book('Tyrskylän liikuntahalli', 4, '07:00', '09:00', null, 'confirmed', 'Lattian huolto');
}
