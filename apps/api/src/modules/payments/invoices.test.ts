import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf.js';
import { asSystem } from '../../platform/db/database.js';
import { localDate } from '../../platform/i18n/time.js';
import { nationalReference, rfReference } from './reference.js';
import { virtualBarcode } from './barcode.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let products: Record<string, string>;

const TICKET = 'Uimahallin kertalippu';
const PERMIT = 'Asukaspysäköintitunnus';
const CARD = 'Uimahallin 10 kerran sarjakortti';
const TYRSKYLA_IBAN = 'FI4650000120385711';

beforeAll(async () => {
  rt = await startRuntime();
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('products').select(['id', 'name_fi']).execute(),
  );
  products = Object.fromEntries(rows.map((r) => [r.name_fi, r.id]));
});
afterAll(async () => rt?.dispose());

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = () => localDate(new Date());

async function invoiceCheckout(client: Client, lines: Record<string, number>) {
  for (const [name, quantity] of Object.entries(lines)) {
    const put = await client.put(`cart/lines/${products[name]}`, { quantity });
    expect(put.statusCode).toBe(200);
  }
  return client.post('checkout', { method: 'invoice' });
}

const emailsTo = (to: string, subjectLike: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('email_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', to)
      .where('subject', 'like', subjectLike)
      .execute(),
  );

describe('paying by invoice', () => {
  let orderId: string;
  let invoiceId: string;

  it('invoices an order whose every line allows it, with consistent references and barcode', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    await resident.put(`cart/lines/${products[PERMIT]}`, { quantity: 1 });
    const cart = (await resident.put(`cart/lines/${products[CARD]}`, { quantity: 1 })).json();
    expect(cart.invoiceAllowed).toBe(true);
    const response = await resident.post('checkout', { method: 'invoice' });
    expect(response.statusCode).toBe(200);
    ({ orderId, invoiceId } = response.json());
    expect(response.json().redirectUrl).toMatch(new RegExp(`/tyrskyla/orders/${orderId}$`));

    const order = (await resident.get(`orders/${orderId}`)).json();
    // 120,00 € (permit, no VAT) + 58,00 € (series card, VAT 10 %).
    expect(order).toMatchObject({ status: 'invoiced', totalCents: 17800, vatCents: 527 });
    const invoice = order.invoice;
    const reference = nationalReference(invoice.number);
    expect(invoice).toMatchObject({
      id: invoiceId,
      number: '1001',
      reference,
      rfReference: rfReference(reference),
      amountCents: 17800,
      status: 'open',
      paidOn: null,
      payee: { name: 'Tyrskylän kunta', iban: TYRSKYLA_IBAN, bic: 'OKOYFIHH' },
    });
    expect(invoice.issueDate).toBe(today());
    expect(invoice.dueDate).toBe(addDays(invoice.issueDate, 14));
    expect(invoice.virtualBarcode).toBe(
      virtualBarcode({
        iban: TYRSKYLA_IBAN,
        amountCents: 17800,
        reference,
        dueDate: invoice.dueDate,
      }),
    );
    expect(invoice.virtualBarcode).toMatch(/^4\d{53}$/);
    expect(invoice.virtualBarcodeRf).toMatch(/^5\d{53}$/);
    // The cart is empty again.
    expect((await resident.get('cart')).json().id).toBeNull();

    const [email, ...more] = await emailsTo('asukas@tyrskyla.example', 'Lasku 1001%');
    expect(more).toEqual([]);
    expect(email!.subject).toBe('Lasku 1001 – Tyrskylä');
    expect(email!.text_body).toMatch(/Euro: 178,00\s€/);
    expect(email!.text_body).toContain(`Viitenumero: ${reference}`);
    expect(email!.text_body).toContain(invoice.virtualBarcode);
    expect(email!.text_body).toContain(`/api/tyrskyla/invoices/${invoiceId}/pdf`);
  });

  it('refuses an invoice when a line does not allow it, and leaves the cart as it was', async () => {
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    await resident.put(`cart/lines/${products[PERMIT]}`, { quantity: 1 });
    const before = (await resident.put(`cart/lines/${products[TICKET]}`, { quantity: 2 })).json();
    expect(before.invoiceAllowed).toBe(false);
    const refused = await resident.post('checkout', { method: 'invoice' });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'invoiceNotAllowed',
      title: 'Tilausta ei voi maksaa laskulla',
    });
    expect((await resident.get('cart')).json()).toEqual(before);
    const invoices = await asSystem(rt.db, (tx) =>
      tx.selectFrom('invoices').select('id').where('order_id', '=', before.id).execute(),
    );
    expect(invoices).toEqual([]);
    // Without a method (as older clients call it) checkout is the online payment.
    const online = await resident.request('POST', 'checkout');
    expect(online.statusCode, online.body).toBe(200);
    expect(online.json().paymentId).toBeDefined();
  });

  it('serves the invoice as a PDF to the buyer and staff only, in the asked language', async () => {
    const owner = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const pdf = await owner.get(`invoices/${invoiceId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('LASKU');
    expect(text).toContain('1001');
    expect(text).toMatch(/Maksettava yhteensä\n178,00\s€/);
    expect(text).toContain('FI46 5000 0120 3857 11');
    expect(text).toContain('Asukaspysäköintitunnus');

    const swedish = pdfText((await owner.get(`invoices/${invoiceId}/pdf?lang=sv`)).rawPayload);
    expect(swedish).toContain('FAKTURA');
    expect(swedish).toMatch(/Att betala\n178,00\s€/);

    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    expect((await staff.get(`invoices/${invoiceId}/pdf`)).statusCode).toBe(200);
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await other.get(`invoices/${invoiceId}/pdf`)).statusCode).toBe(404);
    expect((await rt.app.inject(`/api/tyrskyla/invoices/${invoiceId}/pdf`)).statusCode).toBe(401);
    const neighbour = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await neighbour.get(`invoices/${invoiceId}/pdf`)).statusCode).toBe(404);
  });

  it('lists open invoices and exports the receivables to staff, not to residents', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get('admin/invoices')).statusCode).toBe(403);
    expect((await resident.get('admin/invoices/receivables.csv')).statusCode).toBe(403);

    // A second invoice, made overdue by moving its dates back.
    const late = await invoiceCheckout(await loggedIn(rt.app, 'admin@tyrskyla.example'), {
      [CARD]: 2,
    });
    const lateId = late.json().invoiceId as string;
    await asSystem(rt.db, (tx) =>
      sql`update invoices set issue_date = issue_date - 20, due_date = due_date - 20
          where id = ${lateId}`.execute(tx),
    );

    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const open = (await staff.get('admin/invoices')).json().items;
    expect(open.map((i: { number: string }) => i.number)).toEqual(['1002', '1001']);
    expect(open[0]).toMatchObject({
      status: 'overdue',
      daysOverdue: 6,
      customer: 'Aino Ylläpitäjä',
    });
    expect(open[1]).toMatchObject({ status: 'open', daysOverdue: 0, customer: 'Antti Asukas' });
    const overdue = (await staff.get('admin/invoices?status=overdue')).json().items;
    expect(overdue.map((i: { id: string }) => i.id)).toEqual([lateId]);

    const csv = await staff.get('admin/invoices/receivables.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = csv.body.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(header).toBe('Lasku;Viitenumero;Asiakas;Summa;Laskun päiväys;Eräpäivä;Päiviä myöhässä');
    const issued = today();
    expect(rows).toEqual([
      `1002;${nationalReference('1002')};"Aino Ylläpitäjä";140,00;${addDays(issued, -20)};${addDays(issued, -6)};6`,
      `1001;${nationalReference('1001')};"Antti Asukas";178,00;${issued};${addDays(issued, 14)};0`,
    ]);
    const audits = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'in', ['invoice.list', 'report.receivables'])
        .execute(),
    );
    expect(audits.length).toBeGreaterThanOrEqual(3);
  });

  it('marks an invoice paid once: the order is paid, a payment recorded, a receipt sent', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const paidOn = today();
    expect((await resident.post(`admin/invoices/${invoiceId}/paid`, { paidOn })).statusCode).toBe(
      403,
    );
    const staff = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const tomorrow = addDays(paidOn, 1);
    const future = await staff.post(`admin/invoices/${invoiceId}/paid`, { paidOn: tomorrow });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('invoicePaidOn');

    const [first, second] = await Promise.all([
      staff.post(`admin/invoices/${invoiceId}/paid`, { paidOn }),
      staff.post(`admin/invoices/${invoiceId}/paid`, { paidOn }),
    ]);
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([200, 409]);
    const conflict = [first!, second!].find((r) => r.statusCode === 409)!;
    expect(conflict.json().code).toBe('invoiceAlreadyPaid');
    const again = await staff.post(`admin/invoices/${invoiceId}/paid`, { paidOn });
    expect(again.statusCode).toBe(409);

    const order = (await resident.get(`orders/${orderId}`)).json();
    expect(order).toMatchObject({ status: 'paid', invoice: { status: 'paid', paidOn } });
    expect(localDate(new Date(order.paidAt))).toBe(paidOn);
    const payments = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('payments')
        .select(['provider', 'status', 'amount_cents'])
        .where('order_id', '=', orderId)
        .execute(),
    );
    expect(payments).toEqual([{ provider: 'invoice', status: 'paid', amount_cents: 17800 }]);
    expect(await emailsTo('asukas@tyrskyla.example', 'Kuitti%')).toHaveLength(1);
    // Paid invoices leave the receivables and appear in the sales of the day.
    const csv = (await staff.get('admin/invoices/receivables.csv')).body;
    expect(csv).not.toContain('"Antti Asukas"');
    const sales = (await staff.get(`admin/sales?from=${paidOn}&to=${paidOn}`)).json().items;
    expect(sales.filter((l: { orderId: string }) => l.orderId === orderId)).toHaveLength(2);
    const paid = (await staff.get('admin/invoices?status=paid')).json().items;
    expect(paid.map((i: { id: string }) => i.id)).toEqual([invoiceId]);
  });

  it('gives different people checking out at the same moment different numbers', async () => {
    const emails = [
      'asukas@tyrskyla.example',
      'huoltaja@tyrskyla.example',
      'varhaiskasvatus@tyrskyla.example',
      'tilat@tyrskyla.example',
      'digiryhma@tyrskyla.example',
      'admin@tyrskyla.example',
    ];
    const buyers = await Promise.all(emails.map((email) => loggedIn(rt.app, email)));
    for (const buyer of buyers) {
      await buyer.put(`cart/lines/${products[TICKET]}`, { quantity: 0 });
      await buyer.put(`cart/lines/${products[PERMIT]}`, { quantity: 0 });
      await buyer.put(`cart/lines/${products[CARD]}`, { quantity: 1 });
    }
    const results = await Promise.all(buyers.map((b) => b.post('checkout', { method: 'invoice' })));
    expect(results.map((r) => r.statusCode)).toEqual(emails.map(() => 200));
    const numbers = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('invoices')
        .select('number')
        .where(
          'id',
          'in',
          results.map((r) => r.json().invoiceId as string),
        )
        .execute(),
    );
    expect(new Set(numbers.map((n) => n.number)).size).toBe(emails.length);
  });
});

describe('invoicing settings', () => {
  it('lets the admin set the payee details, checked with their check digits', async () => {
    const admin = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    const current = (await admin.get('admin/invoicing-settings')).json();
    expect(current).toMatchObject({
      configured: true,
      iban: 'FI0610953000212411',
      paymentTermDays: 14,
    });
    const body = {
      payeeName: 'Pyhärannan kunta',
      iban: 'FI21 1234 5600 0007 85',
      bic: 'nordfihh',
      businessId: '0204819-8',
      paymentTermDays: 21,
    };
    const saved = await admin.put('admin/invoicing-settings', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ iban: 'FI2112345600000785', bic: 'NORDFIHH' });
    for (const [field, value, code] of [
      ['iban', 'FI21 1234 5600 0007 86', 'invalidIban'],
      ['iban', 'SE4550000000058398257466', 'invalidIban'],
      ['bic', 'NORD', 'invalidBic'],
      ['businessId', '0204819-9', 'invalidBusinessId'],
    ] as const) {
      const refused = await admin.put('admin/invoicing-settings', { ...body, [field]: value });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe(code);
    }
    expect((await admin.get('admin/invoicing-settings')).json().paymentTermDays).toBe(21);
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    expect((await staff.get('admin/invoicing-settings')).statusCode).toBe(403);
  });

  it('offers no invoice where the municipality has no invoicing details', async () => {
    await asSystem(rt.db, (tx) =>
      sql`delete from invoice_settings where municipality_id =
            (select id from municipalities where slug = 'tyrskyla')`.execute(tx),
    );
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const cart = (await resident.put(`cart/lines/${products[CARD]}`, { quantity: 1 })).json();
    expect(cart.invoiceAllowed).toBe(false);
  });
});
