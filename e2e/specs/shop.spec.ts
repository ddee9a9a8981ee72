import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
  type ViewportName,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const BUYERS: Record<ViewportName, { email: string; total: RegExp }> = {
  // A resident pays 2 × 6,50 €; someone from elsewhere 2 × 8,00 €.
  desktop: { email: 'asukas@tyrskyla.example', total: /13,00\s€/ },
  phone: { email: 'digiryhma@tyrskyla.example', total: /16,00\s€/ },
};

describe('the municipal shop', () => {
  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`buys swimming tickets and pays with the demo provider (${viewport})`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await loginAs(page, BUYERS[viewport].email, '/tyrskyla/shop');
      const ticket = 'Uimahallin kertalippu';
      await page.getByLabel(`Määrä: ${ticket}`, { exact: true }).fill('2');
      await page.getByRole('button', { name: `Lisää ostoskoriin: ${ticket}` }).click();
      await expect
        .poll(() => page.getByText(`Lisätty ostoskoriin: ${ticket}, 2 kpl.`).isVisible())
        .toBe(true);
      await expectNoAxeViolations(page, `shop (${viewport})`);

      await page.getByRole('link', { name: /^Ostoskori \(2 tuotetta\)$/ }).click();
      await page.getByRole('table', { name: 'Arvonlisävero verokannoittain' }).waitFor();
      await expect.poll(() => page.getByRole('main').innerText()).toMatch(BUYERS[viewport].total);
      await expectNoAxeViolations(page, `cart (${viewport})`);

      await page.getByRole('button', { name: 'Siirry maksamaan' }).click();
      await page.getByRole('heading', { name: 'Testimaksu' }).waitFor();
      await expectNoAxeViolations(page, `demo payment page (${viewport})`);
      await page.getByRole('link', { name: 'Maksa' }).click();
      await page.waitForURL('**/tyrskyla/orders/**');
      await expect
        .poll(() => page.getByText('Maksu vastaanotettu, kiitos!').isVisible())
        .toBe(true);
      await expectNoAxeViolations(page, `paid order (${viewport})`);
      // The receipt of the paid order, as PDF in the page's language.
      const receipt = page.getByRole('link', { name: 'Kuitti (PDF)' });
      const href = (await receipt.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/api\/tyrskyla\/orders\/[0-9a-f-]{36}\/receipt\.pdf\?lang=fi$/);
      const pdf = await context.request.get(href);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await context.close();
    });
  }

  it('returns the order to the cart when the payment is cancelled at the provider', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    // Someone the other shop tests do not use: the cart must start empty.
    await loginAs(page, 'varhaiskasvatus@tyrskyla.example', '/tyrskyla/shop');
    const ticket = 'Uimahallin kertalippu';
    await page.getByRole('button', { name: `Lisää ostoskoriin: ${ticket}` }).click();
    await page.getByText(`Lisätty ostoskoriin: ${ticket}, 1 kpl.`).waitFor();
    await page.getByRole('link', { name: /^Ostoskori \(1 tuote\)$/ }).click();
    await page.getByRole('button', { name: 'Siirry maksamaan' }).click();
    await page.getByRole('link', { name: 'Peruuta maksu' }).click();
    await page.waitForURL('**/tyrskyla/orders/**');
    await expect.poll(() => page.getByText('Maksu keskeytyi').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'order with a cancelled payment (phone)');

    await page.getByRole('link', { name: 'Siirry ostoskoriin' }).click();
    await page.waitForURL('**/tyrskyla/shop/cart');
    const remove = page.getByRole('button', { name: `Poista ostoskorista: ${ticket}` });
    await remove.click();
    await expect.poll(() => page.getByText('Ostoskorisi on tyhjä.').isVisible()).toBe(true);
    await context.close();
  });

  it('shows a visitor the prices and asks them to log in to buy', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    await page.goto('/tyrskyla/shop');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Webbutik');
    await expect
      .poll(() =>
        page
          .getByRole('link', { name: 'Logga in för att köpa: Simhallens engångsbiljett' })
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'shop for a visitor in Swedish (phone)');
    await context.close();
  });
});
