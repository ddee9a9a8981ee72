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

const RESIDENT = 'asukas@tyrskyla.example';
const TEAM = 'digiryhma@tyrskyla.example';
// Unique per run: other specs and earlier runs share the server.
const TITLE = `Penkit rantapolulle ${Date.now()}`;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** The Suomi.fi checkboxes and radio buttons are operated through their labels. */
const tick = (page: Page, label: string) =>
  page.locator('label').filter({ hasText: label }).first().click();
/** A Suomi.fi dropdown: open it by its label, then pick the option. */
async function choose(
  page: Page,
  scope: ReturnType<Page['locator']>,
  label: string,
  option: string,
) {
  await scope
    .getByRole('button', { name: new RegExp(label) })
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let ideaUrl = '';

describe('portfolio', () => {
  it('a resident submits an idea on a phone (Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, RESIDENT, '/tyrskyla/portfolio');
    await expect.poll(() => heading(page)).toBe('Ideat ja kokeilut');
    await page.locator('.portfolio-card').first().waitFor();
    await expectNoAxeViolations(page, 'ideas list (phone)');

    await page.getByRole('link', { name: 'Ehdota ideaa' }).click();
    await expect.poll(() => heading(page)).toBe('Ehdota ideaa');
    // Nothing filled: the form says what is missing.
    await page.getByRole('button', { name: 'Lähetä idea' }).click();
    await page.getByText('Anna vähintään 3 merkin otsikko').waitFor();
    await expectNoAxeViolations(page, 'idea form with errors (phone)');
    await page.getByLabel('Otsikko').fill(TITLE);
    await page.getByLabel('Mikä on ongelma?').fill('Ikäihmiset eivät jaksa kävellä rantaan asti.');
    await page.getByLabel('Mitä ehdotat?').fill('Kolme penkkiä polun varteen kokeeksi.');
    await page.getByLabel(/Teemat/).fill('liikunta, ikäihmiset');
    await page.getByRole('button', { name: 'Lähetä idea' }).click();
    await expect.poll(() => heading(page)).toBe(TITLE);
    await page.getByText('Kiitos! Ideasi on julkaistu').waitFor();
    expect(await page.locator('.portfolio-stage').first().innerText()).toContain('Aihio');
    ideaUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Kannata' }).click();
    await page.getByText('1 kannatus', { exact: true }).waitFor();
    await page.getByLabel('Kommenttisi').fill('Yksi penkki myös laiturille!');
    await page.getByRole('button', { name: 'Lähetä kommentti' }).click();
    await page.getByText('Yksi penkki myös laiturille!').waitFor();
    await expectNoAxeViolations(page, 'idea page (phone)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the digital team scores the idea in a round and decides', async () => {
    expect(ideaUrl).not.toBe('');
    const context = await newContext(browser, 'desktop');
    await signIn(context, TEAM, 'fi');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/tyrskyla/portfolio/rounds');
    await expect.poll(() => heading(page)).toBe('Päätöskierrokset');
    await page.getByRole('heading', { name: 'Uusi päätöskierros' }).waitFor();
    await expectNoAxeViolations(page, 'rounds (team)');
    await page.getByLabel('Kierroksen nimi').fill('Joulukuun kierros');
    await page.getByLabel('Kokouspäivä').fill('15.12.2026');
    await tick(page, TITLE);
    await page.getByRole('button', { name: 'Luo kierros' }).click();
    await expect.poll(() => heading(page)).toBe('Joulukuun kierros, 15.12.2026');

    const card = page.locator('.portfolio-card').filter({ hasText: TITLE });
    for (const [criterion, score] of [
      ['Hyöty asukkaille', '5'],
      ['Vaiva', '4'],
      ['Kustannus', '4'],
      ['Sopivuus digistrategiaan', '3'],
    ] as const) {
      await choose(page, card, criterion, score);
    }
    await card.getByRole('button', { name: 'Tallenna pisteet' }).click();
    // (40·5 + 20·4 + 20·4 + 20·3) / 100 = 4,20
    await card.getByText('Yhteispisteet 4,20 / 5').waitFor();
    await expectNoAxeViolations(page, 'round with scores (team)');

    await choose(page, card, 'Vastuuhenkilö', 'Diana Digiryhmä');
    await card.locator('label').filter({ hasText: '21 päivää (pieni kokeilu)' }).click();
    await card.getByLabel('Perustelu').fill('Halpa ja nopea kokeilla.');
    await card.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await card.getByText('Päätös: toteutetaan nyt – Halpa ja nopea kokeilla.').waitFor();
    await card.locator('.portfolio-stage').filter({ hasText: 'Kokeilu' }).waitFor();
    await page.getByRole('button', { name: 'Sulje kierros' }).click();
    await page.getByRole('button', { name: 'Julkaise pöytäkirja' }).click();
    await page.getByText('Pöytäkirja julkaistu').first().waitFor();
    await page.getByRole('link', { name: 'Näytä pöytäkirja' }).click();
    await expect.poll(() => heading(page)).toBe('Pöytäkirja: Joulukuun kierros, 15.12.2026');
    await page.getByText('Halpa ja nopea kokeilla.').waitFor();
    await expectNoAxeViolations(page, 'minutes');

    await page.goto(ideaUrl);
    await page.getByText('Päätöskierroksen päätös: toteutetaan nyt').waitFor();
    await page.getByRole('heading', { name: 'Digiryhmälle' }).waitFor();
    // The decision started the experiment's clocks: 24 hours to declare, 21 days to finish.
    await page.getByRole('heading', { name: 'Kokeilu, 21 päivää' }).waitFor();
    await page.getByText('21 päivää jäljellä.').waitFor();
    await page.getByText('Julistettava julkisesti viimeistään').waitFor();
    await expectNoAxeViolations(page, 'idea page (team)');
    await page.getByLabel('Julistus').fill('Penkit paikalleen ensi viikolla!');
    await page.getByRole('button', { name: 'Julista kokeilu' }).click();
    await page.getByText('Penkit paikalleen ensi viikolla!').first().waitFor();

    await page.goto('/tyrskyla/portfolio/overdue');
    await expect.poll(() => heading(page)).toBe('Myöhässä olevat kokeilut');
    await page.getByText('Chat-neuvonta kunnan verkkosivuille').waitFor();
    await expectNoAxeViolations(page, 'overdue experiments');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Swedish, the idea shows its new stage', async () => {
    expect(ideaUrl).not.toBe('');
    const context = await newContext(browser, 'phone', 'sv-FI');
    await signIn(context, RESIDENT, 'sv');
    const page = await context.newPage();
    try {
      await page.goto(ideaUrl);
      await expect.poll(() => heading(page)).toBe(TITLE);
      await page.locator('.portfolio-stage').filter({ hasText: 'Försök' }).first().waitFor();
      await page.getByRole('heading', { name: 'Historik' }).waitFor();
      await page.getByText('Beslutsrundans beslut: genomförs nu').waitFor();
      await expectNoAxeViolations(page, 'idea page (phone, Swedish)');
    } finally {
      // Leave the resident Finnish for the specs that follow.
      await signIn(context, RESIDENT, 'fi');
      await context.close();
    }
  });
});
