import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api.js';
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
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** Helsinki calendar days (the tests run with TZ=Europe/Helsinki). */
const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The first Wednesday at least `days` days ahead (no other spec uses those days). */
function wednesdayAfter(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  while (d.getDay() !== 3) d.setDate(d.getDate() + 1);
  return iso(d);
}

describe('message attachments', () => {
  it('staff pick a child, attach a PDF and send; the guardian downloads it on a phone', async () => {
    const title = `Retkikirje ${Date.now()}`;
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'majakka@tyrskyla.example', '/tyrskyla/messages');
    await page.getByRole('button', { name: 'Uusi viesti' }).click();
    await page.locator('label').filter({ hasText: 'Yhden lapsen huoltajat' }).click();
    // The child from the list of the groups' children, found by typing part of the name.
    await page.getByLabel('Hae lapsen nimellä').fill('ein');
    await page
      .locator('label')
      .filter({ hasText: /^Eino Virtanen/ })
      .click();
    await page
      .locator('.message-recipients__list')
      .getByText('Hanna Huoltaja', { exact: false })
      .waitFor();
    await page.getByLabel('Otsikko').fill(title);
    await page.getByLabel('Viestin teksti').fill('Retken ohjeet liitteenä.');

    // A wrong kind of file is named with the reason, and removed before sending.
    const files = page.getByLabel('Liitteet (valinnainen)');
    await files.setInputFiles([
      { name: 'muistio.txt', mimeType: 'text/plain', buffer: Buffer.from('muistio') },
    ]);
    await page.getByText('Tiedostoa muistio.txt ei voi liittää', { exact: false }).waitFor();
    await page.screenshot({ path: '/tmp/message-attachments-form-fi.png', fullPage: true });
    await page.getByRole('button', { name: 'Poista liite muistio.txt' }).click();
    await files.setInputFiles([
      { name: 'retkikirje.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'kartta.png', mimeType: 'image/png', buffer: PNG },
    ]);
    const chosen = page.getByRole('list', { name: 'Valitut liitteet' });
    expect(await chosen.innerText()).toContain('retkikirje.pdf');
    expect(await page.locator('.message-files__error').count()).toBe(0);
    await expectNoAxeViolations(page, 'new message with a child picked and a file attached');
    await page.getByRole('button', { name: 'Lähetä', exact: true }).click();
    await expect.poll(() => heading(page)).toBe(title);
    await page.getByRole('link', { name: /retkikirje\.pdf/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();

    for (const language of ['fi', 'sv'] as const) {
      const phone = await newContext(browser, 'phone', language === 'sv' ? 'sv-FI' : 'fi-FI');
      const guardianPage = await phone.newPage();
      const guardianErrors = collectPageErrors(guardianPage);
      await signIn(phone, GUARDIAN, language);
      await guardianPage.goto('/tyrskyla/messages');
      await guardianPage
        .locator('.message-row')
        .filter({ hasText: title })
        .getByRole('link')
        .click();
      await expect.poll(() => heading(guardianPage)).toBe(title);
      const link = guardianPage.getByRole('link', { name: /retkikirje\.pdf/ });
      await link.waitFor();
      // The image's thumbnail comes from the same guarded address.
      const thumb = guardianPage.locator('.message-attachment__thumb');
      await expect
        .poll(() =>
          thumb.evaluate(
            (img) => (img as { complete: boolean; naturalWidth: number }).naturalWidth,
          ),
        )
        .toBe(1);
      await expectNoAxeViolations(guardianPage, `thread with an attachment (phone, ${language})`);
      await guardianPage.screenshot({
        path: `/tmp/message-attachments-${language}-phone.png`,
        fullPage: true,
      });
      const [download] = await Promise.all([guardianPage.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('retkikirje.pdf');
      expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
      expect(guardianErrors).toEqual([]);
      await phone.close();
    }
    await ApiSession.login(GUARDIAN).then((s) => s.put('session/language', { language: 'fi' }));
  });
});

describe('absences recorded by staff', () => {
  it('staff of the group record a child absent from the day view and remove it; the guardian sees who recorded it (phone)', async () => {
    const day = wednesdayAfter(35);
    const veera = await ApiSession.login('varhaiskasvatus@tyrskyla.example');
    const units = (await veera.get('daycare/units')) as {
      items: { groups: { id: string; name: string; mine: boolean }[] }[];
    };
    const group = units.items.flatMap((u) => u.groups).find((g) => g.mine)!;

    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(context, 'varhaiskasvatus@tyrskyla.example', 'fi');
    await page.goto(`/tyrskyla/daycare/staff?group=${group.id}&date=${day}`);
    await expect.poll(() => heading(page)).toBe('Ryhmän päivä');
    await page.getByRole('button', { name: 'Merkitse poissaolevaksi: Eino Virtanen' }).click();
    const form = page.getByRole('form', { name: 'Poissaolo: Eino Virtanen' });
    await form.locator('label').filter({ hasText: 'Muu syy' }).click();
    await form.getByLabel('Lisätieto ryhmälle', { exact: false }).fill('Hammaslääkäri');
    await expectNoAxeViolations(page, 'staff recording an absence (phone)');
    await form.getByRole('button', { name: 'Tallenna poissaolo' }).click();
    await page.getByText(/Poissaolo merkitty: Eino Virtanen/).waitFor();
    const absent = page.locator('.day-child--absent').filter({ hasText: 'Eino Virtanen' });
    expect(await absent.innerText()).toMatch(/Muu syy – Hammaslääkäri[\s\S]*\(henkilökunta\)/);
    await expectNoAxeViolations(page, 'day view with a staff-recorded absence (phone)');
    await page.screenshot({ path: '/tmp/staff-absence-fi-phone.png', fullPage: true });

    // The guardian sees that the daycare recorded it.
    const guardianContext = await newContext(browser, 'phone');
    const guardianPage = await guardianContext.newPage();
    await signIn(guardianContext, GUARDIAN, 'fi');
    await guardianPage.goto('/tyrskyla/daycare');
    const entry = guardianPage.locator('.absence-entry').filter({ hasText: 'Hammaslääkäri' });
    expect(await entry.innerText()).toContain('Päiväkoti merkitsi poissaolon.');
    await guardianContext.close();

    await absent.getByRole('button', { name: 'Poista poissaolo: Eino Virtanen' }).click();
    await page.getByText('Poissaolo poistettu: Eino Virtanen.').waitFor();
    expect(await page.locator('.day-child--absent').filter({ hasText: 'Eino' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
