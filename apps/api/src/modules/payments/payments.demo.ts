import type { Tx } from '../../platform/db/database.js';

/**
 * The demo municipalities as payees: made-up accounts whose IBAN check digits, bank codes and
 * business ID check digits are valid, so that references and virtual barcodes work end to end.
 */
const PAYEES = [
  {
    slug: 'tyrskyla',
    payee_name: 'Tyrskylän kunta',
    iban: 'FI4650000120385711',
    bic: 'OKOYFIHH',
    business_id: '1817823-7',
  },
  {
    slug: 'pyharanta',
    payee_name: 'Pyhärannan kunta',
    iban: 'FI0610953000212411',
    bic: 'NDEAFIHH',
    business_id: '1259245-3',
  },
];

export async function seedInvoicingDemo(tx: Tx, municipalityId: (slug: string) => string) {
  await tx
    .insertInto('invoice_settings')
    .values(
      PAYEES.map(({ slug, ...payee }) => ({ municipality_id: municipalityId(slug), ...payee })),
    )
    .execute();
}
