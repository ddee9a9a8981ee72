import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf.js';
import { asSystem } from '../../platform/db/database.js';
import { formatEuros } from '../shop/money.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let products: Record<string, string>;

beforeAll(async () => {
  rt = await startRuntime();
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('products').select(['id', 'name_fi']).execute(),
  );
  products = Object.fromEntries(rows.map((r) => [r.name_fi, r.id]));
});
afterAll(async () => rt?.dispose());

const TICKET = 'Uimahallin kertalippu'; // VAT 10 %
const PERMIT = 'Asukaspysäköintitunnus'; // VAT 0 %

interface Order {
  id: string;
  status: string;
  totalCents: number;
  paidAt: string | null;
  vat: { vatRateBp: number; netCents: number; vatCents: number; totalCents: number }[];
}

/** Buy three tickets and a permit with the demo provider; the paid order. */
async function buyAndPay(client: Client): Promise<Order> {
  await client.put(`cart/lines/${products[TICKET]}`, { quantity: 3 });
  await client.put(`cart/lines/${products[PERMIT]}`, { quantity: 1 });
  const checkout = await client.post('checkout');
  expect(checkout.statusCode, checkout.body).toBe(200);
  const page = await client.get(new URL(checkout.json().redirectUrl).pathname);
  const link = [...page.body.matchAll(/href="([^"]+)"/g)][0]![1]!.replace(/&#38;/g, '&');
  expect((await client.get(link)).statusCode).toBe(302);
  return (await client.get(`orders/${checkout.json().orderId}`)).json() as Order;
}

const euros = (cents: number, language = 'fi') => formatEuros(cents, language);
/** Intl separates the euro sign with a no-break space; the PDF text keeps it. */
const money = (cents: number, language = 'fi') =>
  new RegExp(
    euros(cents, language)
      .replace(/[\s\u00a0]/g, '\\s')
      .replace(/[.€]/g, '\\$&'),
  );

describe('the receipt of a paid order', () => {
  let order: Order;
  let buyer: Client;

  it('is a PDF with the lines, the VAT of each rate, the total and how it was paid', async () => {
    buyer = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    order = await buyAndPay(buyer);
    expect(order.status).toBe('paid');
    expect(order.vat.map((v) => v.vatRateBp)).toEqual([1000, 0]);

    const response = await buyer.get(`orders/${order.id}/receipt.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('KUITTI');
    // The seller: the payee and business ID of the invoicing settings, the address.
    expect(text).toContain('Y-tunnus: 1817823-7');
    expect(text).toContain('Kunnantalontie 1, 99999 Tyrskylä');
    expect(text).toContain('Verkkomaksu (demo)');
    expect(text).toContain(order.id);
    expect(text).toContain(TICKET);
    expect(text).toContain(PERMIT);
    // Per rate: the rate, net, VAT and gross in a row, as the order adds them up.
    for (const v of order.vat) {
      const rate = `${v.vatRateBp / 100} %`;
      const row = [rate, euros(v.netCents), euros(v.vatCents), euros(v.totalCents)]
        .map((cell) => cell.replace(/[\s\u00a0]/g, '\\s').replace(/[.€]/g, '\\$&'))
        .join('\\n');
      expect(text).toMatch(new RegExp(row));
    }
    const vat10 = order.vat.find((v) => v.vatRateBp === 1000)!;
    expect(vat10.vatCents).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`Maksettu yhteensä\\n${money(order.totalCents).source}`));
    // Paid on the day of the order, in Helsinki time.
    const day = new Intl.DateTimeFormat('fi-FI', {
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      timeZone: 'Europe/Helsinki',
    }).format(new Date(order.paidAt!));
    expect(text).toContain(day);

    const swedish = pdfText((await buyer.get(`orders/${order.id}/receipt.pdf?lang=sv`)).rawPayload);
    expect(swedish).toContain('KVITTO');
    expect(swedish).toMatch(new RegExp(`Betalt totalt\\n${money(order.totalCents, 'sv').source}`));
  });

  it('is for the buyer and staff only, and each read is audited', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    expect((await staff.get(`orders/${order.id}/receipt.pdf`)).statusCode).toBe(200);
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await other.get(`orders/${order.id}/receipt.pdf`)).statusCode).toBe(404);
    const anonymous = await rt.app.inject(`/api/tyrskyla/orders/${order.id}/receipt.pdf`);
    expect(anonymous.statusCode).toBe(401);
    const neighbour = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await neighbour.get(`orders/${order.id}/receipt.pdf`)).statusCode).toBe(404);
    const reads = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .innerJoin('people', 'people.id', 'audit_events.actor_person_id')
        .select(['people.email'])
        .where('action', '=', 'order.receipt.read')
        .where('target', '=', `order:${order.id}`)
        .execute(),
    );
    expect(reads.map((r) => r.email).sort()).toEqual([
      'asukas@tyrskyla.example',
      'asukas@tyrskyla.example',
      'tilat@tyrskyla.example',
    ]);
  });

  it('is linked from the receipt email', async () => {
    const emails = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select('text_body')
        .where('to_address', '=', 'asukas@tyrskyla.example')
        .where('subject', 'like', 'Kuitti%')
        .execute(),
    );
    const receipt = emails.find((e) => e.text_body.includes(order.id));
    expect(receipt?.text_body).toMatch(
      new RegExp(
        `Kuitti PDF-muodossa \\(kirjaudu palveluun\\):\\nhttps?://\\S+/api/tyrskyla/orders/${order.id}/receipt\\.pdf`,
      ),
    );
  });

  it('does not exist before the order is paid', async () => {
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    await resident.put(`cart/lines/${products[TICKET]}`, { quantity: 1 });
    const pending = (await resident.post('checkout')).json().orderId as string;
    const response = await resident.get(`orders/${pending}/receipt.pdf`);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'receiptNotPaid',
      title: 'Tilausta ei ole maksettu',
    });
  });
});
