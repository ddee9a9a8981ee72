import sharp from 'sharp';
import type { Tx } from '../../platform/db/database.js';
import type { CaseMetric, CaseOutcome } from './cases.tables.js';

/**
 * Demo case cards of Tyrskylä: three published experiments (the sauna's card is written from
 * its demo idea) and one draft, and the sizes of the demo municipalities (Pyhäranta really has
 * about 2 000 inhabitants).
 */
interface DemoCase {
  title: string;
  problem: string;
  tried: string;
  durationDays: number;
  costCents: number | null;
  metrics: CaseMetric[];
  outcome: CaseOutcome | null;
  lessons: string;
  themes: string[];
  publishedDaysAgo: number | null;
  photo?: { svg: string; alt: string };
  /** The demo idea (experiment) the card was written from. */
  ideaTitle?: string;
}

const scene = (sky: string, ground: string, shapes: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <rect width="1200" height="500" fill="${sky}"/><rect y="500" width="1200" height="300" fill="${ground}"/>
  ${shapes}</svg>`;

const CASES: DemoCase[] = [
  {
    title: 'Tabletit kotihoidon työntekijöille',
    problem:
      'Kotihoidon hoitajat kirjasivat käyntien tiedot paperille ja siirsivät ne illalla toimistolla potilastietojärjestelmään. Kirjaamiseen kului noin 40 minuuttia työvuorossa, ja tieto oli myöhässä.',
    tried:
      'Kahdeksalle hoitajalle annettiin tabletit, joilla käynnit kirjataan asiakkaan luona. Digiryhmä piti kaksi tunnin koulutusta ja päivysti ensimmäisen viikon puhelimessa.',
    durationDays: 105,
    costCents: 480000,
    metrics: [
      {
        name: 'Kirjaamiseen kulunut aika',
        unit: 'min/vuoro',
        baseline: 40,
        target: 15,
        result: 12,
      },
      { name: 'Kirjaukset samana päivänä', unit: '%', baseline: 55, target: 90, result: 97 },
    ],
    outcome: 'adopted',
    lessons:
      'Laitteiden lisäksi tarvittiin mobiiliyhteys maaseudun katvealueille: offline-kirjaus ratkaisi sen. Hoitajien oma tukihenkilö oli koulutusta tärkeämpi.',
    themes: ['sote', 'kotihoito', 'digitalisaatio'],
    publishedDaysAgo: 40,
    photo: {
      svg: scene(
        '#cfe8f7',
        '#8fbf7f',
        '<rect x="420" y="220" width="360" height="480" rx="30" fill="#333"/><rect x="445" y="250" width="310" height="410" fill="#9ad0ff"/>',
      ),
      alt: 'Piirroskuva tabletista, jolla kirjataan kotikäynti',
    },
  },
  {
    title: 'Rantasaunan omatoimivaraus PIN-koodilla',
    problem:
      'Kunnan rantasaunan avaimet luovutettiin kirjastosta aukioloaikoina, joten iltaisin ja viikonloppuisin sauna oli käytännössä tyhjillään.',
    tried:
      'Saunan oveen asennettiin älylukko. Asukas varaa vuoron Helpossa, maksaa verkossa ja saa tekstiviestinä PIN-koodin, joka toimii vain varatun vuoron ajan.',
    durationDays: 21,
    costCents: 120000,
    metrics: [
      { name: 'Varatut vuorot kuukaudessa', unit: 'kpl', baseline: 14, target: 30, result: 46 },
      { name: 'Avainten luovutukset', unit: 'kpl/kk', baseline: 14, target: 0, result: 0 },
    ],
    outcome: 'adopted',
    ideaTitle: 'Rantasaunan omatoimivuorot ovikoodilla',
    lessons:
      'Pieni kokeilu riitti: 21 päivässä nähtiin, että iltavuorot täyttyvät. Siivousvuoro piti lisätä varauskalenteriin heti alussa.',
    themes: ['liikunta ja vapaa-aika', 'omatoimitilat'],
    publishedDaysAgo: 20,
    photo: {
      svg: scene(
        '#f6d7a7',
        '#3f6e8c',
        '<rect x="480" y="330" width="300" height="190" fill="#7a4a2a"/><polygon points="460,330 630,240 800,330" fill="#5a3520"/><rect x="600" y="420" width="50" height="100" fill="#2b1a10"/>',
      ),
      alt: 'Piirroskuva järvenrannan hirsisaunasta',
    },
  },
  {
    title: 'Digituen pop-up kirjastossa ikäihmisille',
    problem:
      'Ikäihmiset soittivat kunnan vaihteeseen pankkitunnuksista, Omakannasta ja ajanvarauksista. Neuvontaa ei ollut tarjolla kasvokkain.',
    tried:
      'Kirjastossa pidettiin tiistaisin kaksi tuntia digitukea ilman ajanvarausta. Vapaaehtoiset ja kunnan digituki neuvoivat omalla laitteella.',
    durationDays: 105,
    costCents: 65000,
    metrics: [
      { name: 'Kävijät kerrassa', unit: 'hlöä', baseline: null, target: 8, result: 6 },
      {
        name: 'Vaihteeseen tulleet digipuhelut',
        unit: 'kpl/vk',
        baseline: 25,
        target: 10,
        result: 17,
      },
    ],
    outcome: 'changed',
    lessons:
      'Kävijöitä tuli vähemmän kuin toivottiin, mutta jokainen sai asiansa hoidettua. Jatkossa digituki kiertää myös kylätaloilla kerran kuussa.',
    themes: ['digituki', 'ikäihmiset', 'kirjasto'],
    publishedDaysAgo: 5,
  },
  {
    title: 'Koulukuljetusten reaaliaikainen seuranta',
    problem: 'Vanhemmat eivät tiedä, milloin koulutaksi on myöhässä.',
    tried: '',
    durationDays: 21,
    costCents: null,
    metrics: [],
    outcome: null,
    lessons: '',
    themes: ['koulutus', 'liikenne'],
    publishedDaysAgo: null,
  },
];

export async function seedCasesDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  await tx
    .updateTable('municipalities')
    .set({ population: 14800 })
    .where('slug', '=', 'tyrskyla')
    .execute();
  await tx
    .updateTable('municipalities')
    .set({ population: 2000 })
    .where('slug', '=', 'pyharanta')
    .execute();
  const tyrskyla = municipalityId('tyrskyla');
  const author = personId('digiryhma@tyrskyla.example');
  for (const demo of CASES) {
    const idea = demo.ideaTitle
      ? await tx
          .selectFrom('portfolio_ideas')
          .select('id')
          .where('municipality_id', '=', tyrskyla)
          .where('title', '=', demo.ideaTitle)
          .executeTakeFirstOrThrow()
      : null;
    const publishedAt =
      demo.publishedDaysAgo === null
        ? null
        : new Date(Date.now() - demo.publishedDaysAgo * 86_400_000);
    const { id } = await tx
      .insertInto('portfolio_cases')
      .values({
        municipality_id: tyrskyla,
        idea_id: idea?.id ?? null,
        status: publishedAt ? 'published' : 'draft',
        title: demo.title,
        problem: demo.problem,
        tried: demo.tried,
        duration_days: demo.durationDays,
        cost_cents: demo.costCents,
        metrics: JSON.stringify(demo.metrics),
        outcome: demo.outcome,
        lessons: demo.lessons,
        contact_name: 'Diana Digiryhmä',
        contact_email: 'digiryhma@tyrskyla.example',
        themes: demo.themes,
        published_at: publishedAt,
        created_by: author,
        created_at: publishedAt ?? new Date(),
        updated_at: publishedAt ?? new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (demo.photo) {
      const { data, info } = await sharp(Buffer.from(demo.photo.svg))
        .jpeg({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      await tx
        .insertInto('portfolio_case_photos')
        .values({
          municipality_id: tyrskyla,
          case_id: id,
          data,
          mime: 'image/jpeg',
          width: info.width,
          height: info.height,
          alt_text: demo.photo.alt,
        })
        .execute();
    }
  }
}
