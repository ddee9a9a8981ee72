import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
  signIn,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const GUARDIAN = 'huoltaja@tyrskyla.example';
const PDF = Buffer.from('%PDF-1.4\n% palkkalaskelma\n%%EOF\n', 'latin1');

/** The h1 without soft hyphens (long Finnish words break at them on a phone). */
const heading = async (page: Page) =>
  (await page.getByRole('heading', { level: 1 }).textContent())?.replace(/\u00ad/g, '');
/** Intl writes no-break spaces in amounts; compare with plain ones. */
const text = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).replace(/[\u00a0\u202f]/g, ' ');
const tick = (page: Page, label: string) =>
  page.locator('label').filter({ hasText: label }).first().click();

describe('daycare fees', () => {
  it('a guardian tells the income with a pay slip and sees the fee with its formula (phone, Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, GUARDIAN, '/tyrskyla/daycare');
    await page.getByRole('link', { name: 'Varhaiskasvatusmaksut ja tulotiedot' }).click();
    await expect.poll(() => heading(page)).toBe('Varhaiskasvatusmaksut');
    await page.getByRole('heading', { name: 'Ilmoita tulot' }).waitFor();
    await expectNoAxeViolations(page, 'fees page (phone)');

    // Without the attachment the form says so.
    await page.getByLabel('Aikuisen 1 bruttotulot kuukaudessa (€)').fill('4 000');
    await page.getByLabel('Aikuisen 2 bruttotulot kuukaudessa (€)').fill('3000,00');
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await page.getByText('Valitse liite').waitFor();
    await expectNoAxeViolations(page, 'statement form with an error (phone)');

    await page.getByLabel('Liite tuloista').setInputFiles({
      name: 'palkkalaskelma.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await page.getByText('Tulotiedot on lähetetty.').waitFor();

    // Two adults and two children: limit 5 956 €; Eino the youngest, Aino the second.
    await expect
      .poll(() => text(page, '[data-testid="fee-formula"]'))
      .toBe('(7 000,00 € − 5 956,00 €) × 10,7 % = 111,70 €');
    const fees = await text(page, '.fee-children');
    expect(fees).toMatch(/Eino Virtanen\s+111,70 € kuukaudessa/);
    expect(fees).toMatch(
      /Aino Virtanen\s+44,68 € kuukaudessa\s+Toinen lapsi: 40 % × 111,70 € = 44,68 €/,
    );
    const record = await text(page, '.fee-record');
    expect(record).toContain('Yhteensä 7 000,00 € kuukaudessa');
    expect(record).toContain('Odottaa käsittelyä');
    await page.getByRole('link', { name: 'Avaa liite palkkalaskelma.pdf' }).waitFor();
    await expectNoAxeViolations(page, 'fee preview (phone)');
    await page.screenshot({ path: '/tmp/fees/fees-fi.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a guardian accepts the highest fee (phone, Swedish)', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signIn(context, GUARDIAN, 'sv');
      await page.goto('/tyrskyla/daycare/fees');
      await expect.poll(() => heading(page)).toBe('Avgifter för småbarnspedagogik');
      await page.getByRole('heading', { name: 'Anmäl inkomster' }).waitFor();
      await tick(page, 'Jag godkänner den högsta avgiften');
      await page.getByRole('button', { name: 'Skicka' }).click();
      await page.getByText('Inkomstuppgifterna har skickats.').waitFor();
      await expect
        .poll(() => text(page, '.fee-children'))
        .toMatch(/Eino Virtanen\s+335,00 € per månad/);
      expect(await text(page, '.fee-children')).toMatch(
        /Aino Virtanen\s+134,00 € per månad\s+Andra barnet: 40 % × 335,00 € = 134,00 €/,
      );
      expect(await text(page, '.fee-record')).toContain('Högsta avgiften godkänd');
      await expectNoAxeViolations(page, 'fee preview, Swedish (phone)');
      await page.screenshot({ path: '/tmp/fees/fees-sv.png', fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('finance staff open the attachment and mark the statement handled (phone, Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await loginAs(page, 'talous@tyrskyla.example', '/tyrskyla/admin/daycare/income-statements');
      await expect.poll(() => heading(page)).toBe('Tuloselvitykset');
      const entry = page.locator('li').filter({ hasText: 'huoltaja@tyrskyla.example' }).filter({
        hasText: 'palkkalaskelma.pdf',
      });
      await entry.first().waitFor();
      await expectNoAxeViolations(page, 'income statements (phone)');
      const href = await entry.getByRole('link', { name: /Avaa liite/ }).getAttribute('href');
      const file = await context.request.get(href!);
      expect(file.status()).toBe(200);
      expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);

      await entry.getByRole('button', { name: 'Merkitse käsitellyksi: Hanna Huoltaja' }).click();
      await expect.poll(() => entry.count()).toBe(0);
      await tick(page, 'Käsitellyt');
      await page
        .locator('li')
        .filter({ hasText: 'palkkalaskelma.pdf' })
        .filter({ hasText: 'Käsitellyt Taru Talousihminen' })
        .first()
        .waitFor();
      await page.screenshot({ path: '/tmp/fees/finance-fi.png', fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the administrator sees the national parameter sets (phone, Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    try {
      const page = await context.newPage();
      await loginAs(page, 'admin@tyrskyla.example', '/tyrskyla/admin/daycare/fees');
      await expect.poll(() => heading(page)).toBe('Varhaiskasvatusmaksujen perusteet');
      const first = page.locator('li').filter({ hasText: '1.8.2024–31.7.2026' });
      await first.waitFor();
      expect((await first.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toContain(
        'Tulorajat 2–6 hengen perheille: 4 066,00 € / 5 245,00 € / 5 956,00 € / 6 667,00 € / 7 376,00 €',
      );
      await expectNoAxeViolations(page, 'fee parameters (phone)');
    } finally {
      await context.close();
    }
  });
});
