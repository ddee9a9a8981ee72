import type { Tx } from '../../platform/db/database.js';
import type { CustomerGroup, ProductKind } from '../../platform/db/schema.js';

interface DemoProduct {
  kind: ProductKind;
  name: [string, string, string];
  content: [string, string, string];
  organiser: string;
  provider: string;
  promise: [string, string, string];
  vatRateBp: number;
  invoiceAllowed?: boolean;
  prices: Partial<Record<CustomerGroup, number>>;
  /** The demo facility (by Finnish name) whose hourly price this product is. */
  priceOf?: string;
}

const PROMISE: [string, string, string] = [
  'Jos palvelu ei toimi luvatusti, palautamme rahat.',
  'Om tjänsten inte fungerar som utlovat, får du pengarna tillbaka.',
  'If the service does not work as promised, you get your money back.',
];

const PRODUCTS: DemoProduct[] = [
  {
    kind: 'ticket',
    name: ['Uimahallin kertalippu', 'Simhallens engångsbiljett', 'Swimming hall single ticket'],
    content: [
      'Yksi käynti uimahallissa ja saunassa, enintään 2 tuntia.',
      'Ett besök i simhallen och bastun, högst 2 timmar.',
      'One visit to the swimming hall and sauna, up to 2 hours.',
    ],
    organiser: 'Tyrskylän kunta, liikuntapalvelut',
    provider: 'Tyrskylän uimahalli',
    promise: PROMISE,
    vatRateBp: 1000,
    prices: { resident: 650, non_resident: 800 },
  },
  {
    kind: 'series_card',
    name: [
      'Uimahallin 10 kerran sarjakortti',
      'Simhallens seriekort för 10 gånger',
      'Swimming hall 10-visit card',
    ],
    content: [
      'Kymmenen käyntiä uimahallissa, voimassa vuoden ostopäivästä.',
      'Tio besök i simhallen, giltigt ett år från köpdagen.',
      'Ten visits to the swimming hall, valid for a year from purchase.',
    ],
    organiser: 'Tyrskylän kunta, liikuntapalvelut',
    provider: 'Tyrskylän uimahalli',
    promise: PROMISE,
    vatRateBp: 1000,
    // Associations buy these for their members and pay by invoice.
    invoiceAllowed: true,
    prices: { resident: 5800, non_resident: 7000, association: 5000, company: 7000 },
  },
  {
    kind: 'event_fee',
    name: ['Kesäteatterin lippu', 'Biljett till sommarteatern', 'Summer theatre ticket'],
    content: [
      'Paikka kesäteatterin näytökseen rantalavalla.',
      'En plats på en föreställning på strandscenen.',
      'A seat at a summer theatre performance on the lakeside stage.',
    ],
    organiser: 'Tyrskylän kunta, kulttuuripalvelut',
    provider: 'Tyrskylän Kesäteatteri ry',
    promise: PROMISE,
    vatRateBp: 1000,
    prices: { resident: 2500, non_resident: 2500 },
  },
  {
    kind: 'permit',
    name: ['Asukaspysäköintitunnus', 'Boendeparkeringstillstånd', 'Resident parking permit'],
    content: [
      'Pysäköinti keskustan asukaspaikoilla yhden vuoden ajan yhdelle ajoneuvolle.',
      'Parkering på boendeplatserna i centrum i ett år för ett fordon.',
      'Parking in the resident spaces of the centre for one year, one vehicle.',
    ],
    organiser: 'Tyrskylän kunta, tekniset palvelut',
    provider: 'Tyrskylän kunta',
    promise: PROMISE,
    // A fee of a public authority: outside the scope of VAT.
    vatRateBp: 0,
    invoiceAllowed: true,
    prices: { resident: 12000 },
  },
  {
    kind: 'facility_use',
    name: ['Liikuntahallin vuoro (1 h)', 'Tur i idrottshallen (1 h)', 'Sports hall slot (1 h)'],
    content: [
      'Koko salin käyttö tunnin ajan pukuhuoneineen.',
      'Hela salen i en timme med omklädningsrum.',
      'The whole hall for one hour, with changing rooms.',
    ],
    organiser: 'Tyrskylän kunta, liikuntapalvelut',
    provider: 'Tyrskylän liikuntahalli',
    promise: PROMISE,
    vatRateBp: 1000,
    invoiceAllowed: true,
    prices: { resident: 3000, non_resident: 4000, association: 2000, company: 4500 },
    priceOf: 'Tyrskylän liikuntahalli',
  },
  {
    kind: 'facility_use',
    name: ['Rantasaunan vuoro (1 h)', 'Tur i Strandbastun (1 h)', 'Lakeside sauna slot (1 h)'],
    content: [
      'Saunavuoro tunnin ajan koko seurueelle (enintään 12 henkeä), puut ja pyyhkeet valmiina.',
      'En bastutur i en timme för hela sällskapet (högst 12 personer), ved och handdukar finns.',
      'One hour of sauna for the whole party (up to 12 people), firewood and towels ready.',
    ],
    organiser: 'Tyrskylän kunta, liikuntapalvelut',
    provider: 'Tyrskylän liikuntapalvelut',
    promise: PROMISE,
    vatRateBp: 1000,
    prices: { resident: 800, non_resident: 1200, association: 600, company: 1500 },
    priceOf: 'Rantasauna',
  },
];

export async function seedShopDemo(tx: Tx, municipalityId: (slug: string) => string) {
  const municipality = municipalityId('tyrskyla');
  for (const p of PRODUCTS) {
    const { id } = await tx
      .insertInto('products')
      .values({
        municipality_id: municipality,
        kind: p.kind,
        name_fi: p.name[0],
        name_sv: p.name[1],
        name_en: p.name[2],
        content_fi: p.content[0],
        content_sv: p.content[1],
        content_en: p.content[2],
        organiser: p.organiser,
        provider: p.provider,
        quality_promise_fi: p.promise[0],
        quality_promise_sv: p.promise[1],
        quality_promise_en: p.promise[2],
        vat_rate_bp: p.vatRateBp,
        invoice_allowed: p.invoiceAllowed ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('product_prices')
      .values(
        Object.entries(p.prices).map(([group, cents]) => ({
          municipality_id: municipality,
          product_id: id,
          customer_group: group as CustomerGroup,
          unit_price_cents: cents,
        })),
      )
      .execute();
    if (p.priceOf) {
      await tx
        .updateTable('resources')
        .set({ price_product_id: id })
        .where('municipality_id', '=', municipality)
        .where('name_fi', '=', p.priceOf)
        .execute();
    }
  }
}
