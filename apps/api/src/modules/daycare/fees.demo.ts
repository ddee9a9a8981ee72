import type { Tx } from '../../platform/db/database.js';

export const DEMO_FINANCE = { email: 'talous@tyrskyla.example', name: 'Taru Talousihminen' };

/** A one-page PDF saying "Palkkalaskelma (demo)": the demo statement's attachment. */
const DEMO_PDF = Buffer.from(
  `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 52>>stream
BT /F1 24 Tf 72 760 Td (Palkkalaskelma \\(demo\\)) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
`,
  'latin1',
);

/**
 * Tyrskylä's finance login (talous@tyrskyla.example, the demo password, role finance) and one
 * open income statement from the Korhonens (two adults, 3 400 € and 2 900 € a month).
 * Tyrskylä (a demo) has its own set of 1.8.2026 with the 2024 income limits filled in, so the
 * preview can be tried before the official 2026 limits are published; the administrator
 * replaces them on the fee parameters page.
 */
export async function seedFeesDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  const m = municipalityId('tyrskyla');
  const { password_hash } = await tx
    .selectFrom('people')
    .select('password_hash')
    .where('id', '=', personId('huoltaja@tyrskyla.example'))
    .executeTakeFirstOrThrow();
  let finance = await tx
    .selectFrom('people')
    .select('id')
    .where('email', '=', DEMO_FINANCE.email)
    .executeTakeFirst();
  finance ??= await tx
    .insertInto('people')
    .values({ ...DEMO_FINANCE, language: 'fi', password_hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('role_grants')
    .values(
      ['staff', 'finance'].map((role) => ({ municipality_id: m, person_id: finance.id, role })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  await tx
    .insertInto('daycare_fee_periods')
    .values({
      municipality_id: m,
      valid_from: '2026-08-01',
      max_fee_cents: 33500,
      min_fee_cents: 3200,
      income_bp: 1070,
      second_child_bp: 4000,
      further_child_bp: 2000,
      second_child_max_cents: 13400,
      income_limits_cents: [406600, 524500, 595600, 666700, 737600],
      increment_cents: 27500,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const korhonen = await tx
    .selectFrom('guardianships as g')
    .innerJoin('children as c', 'c.id', 'g.child_id')
    .select('g.person_id')
    .where('c.municipality_id', '=', m)
    .where('c.first_name', '=', 'Veeti')
    .where('c.last_name', '=', 'Korhonen')
    .orderBy('g.person_id')
    .executeTakeFirst();
  if (!korhonen) return;
  await tx
    .insertInto('daycare_income_statements')
    .values({
      municipality_id: m,
      submitted_by: korhonen.person_id,
      accepts_highest_fee: false,
      incomes_cents: [340000, 290000],
      attachment_name: 'palkkalaskelma.pdf',
      attachment_type: 'application/pdf',
      attachment: DEMO_PDF,
    })
    .execute();
}
