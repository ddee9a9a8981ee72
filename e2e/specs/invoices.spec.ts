import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('paying by invoice', () => {
  it('a resident invoices a parking permit and the staff mark the invoice paid', async () => {
    const resident = await newContext(browser, 'desktop');
    const page = await resident.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'huoltaja@tyrskyla.example', '/tyrskyla/shop');
    const permit = 'Asukaspysäköintitunnus';
    await page.getByRole('button', { name: `Lisää ostoskoriin: ${permit}` }).click();
    await expect
      .poll(() => page.getByText(`Lisätty ostoskoriin: ${permit}, 1 kpl.`).isVisible())
      .toBe(true);
    await page.getByRole('link', { name: /^Ostoskori \(1 tuote\)$/ }).click();
    await page.getByRole('group', { name: 'Maksutapa' }).waitFor();
    // The Suomi.fi radio button's label covers the input: click it, as a user does.
    await page.getByText('Maksa laskulla', { exact: true }).click();
    expect(await page.getByLabel('Maksa laskulla').isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'cart with payment methods');
    await page.getByRole('button', { name: 'Tilaa laskulla' }).click();
    await page.waitForURL('**/tyrskyla/orders/**');
    await page.getByText('Tilaus vahvistettu – maksa lasku').waitFor();
    const facts = page.locator('.invoice-facts');
    await expect.poll(() => facts.innerText()).toMatch(/Virtuaaliviivakoodi\s+4\d{53}/);
    const number = (await facts.locator('dd').first().innerText()).trim();
    expect(number).toMatch(/^\d{4,}$/);
    expect(await facts.innerText()).toMatch(/Summa\s+120,00\s€/);
    const pdf = page.getByRole('link', { name: `Lasku ${number} PDF-tiedostona` });
    const response = await page.request.get((await pdf.getAttribute('href'))!);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page, 'invoiced order');

    const staff = await newContext(browser, 'desktop');
    const staffPage = await staff.newPage();
    errors.push(...collectPageErrors(staffPage));
    await loginAs(staffPage, 'tilat@tyrskyla.example', '/tyrskyla/admin/sales');
    await staffPage.getByRole('heading', { level: 1, name: 'Myynti' }).waitFor();
    await staffPage.getByRole('table', { name: 'Laskut: Avoimet' }).waitFor();
    await expectNoAxeViolations(staffPage, 'sales page');
    await staffPage.getByRole('button', { name: `Merkitse lasku ${number} maksetuksi` }).click();
    await staffPage.getByRole('heading', { name: `Merkitse lasku ${number} maksetuksi` }).waitFor();
    await expectNoAxeViolations(staffPage, 'mark paid form');
    await staffPage.getByRole('button', { name: 'Kirjaa maksu' }).click();
    await staffPage
      .getByText(`Lasku ${number} on merkitty maksetuksi.`, { exact: false })
      .waitFor();
    await staffPage.getByText('Maksetut', { exact: true }).click();
    await expect
      .poll(() => staffPage.getByRole('table', { name: 'Laskut: Maksetut' }).innerText())
      .toContain(number);
    await staff.close();

    await page.reload();
    await page.getByText('Maksu vastaanotettu, kiitos!').waitFor();
    expect(await facts.innerText()).toMatch(/Maksettu \d/);
    await resident.close();
    expect(errors).toEqual([]);
  });
});
