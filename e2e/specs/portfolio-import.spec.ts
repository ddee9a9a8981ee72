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

const TEAM = 'digiryhma@tyrskyla.example';
// Unique per run: other specs and earlier runs share the server.
const RUN = Date.now();
const GOOD = `Kirjaston pikalainaus ${RUN}`;
const OTHER = `Torin wifi ${RUN}`;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const csv = (stage: string) =>
  Buffer.from(
    `\uFEFFOtsikko;Kuvaus;Ehdotus;Vaihe\n${GOOD};Jonot ovat pitkiä;Itsepalvelu;Aihio\n${OTHER};Ei verkkoa torilla;Avoin verkko;${stage}\n`,
  );
const upload = (page: Page, stage: string) =>
  page
    .getByLabel('Taulukkotiedosto')
    .or(page.getByLabel('Tabellfil'))
    .setInputFiles({
      name: 'salkku.csv',
      mimeType: 'text/csv',
      buffer: csv(stage),
    });

describe('portfolio import', () => {
  it('the team sees the bad row, fixes the file and the mapping, and imports (phone)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, TEAM, '/tyrskyla/portfolio/import');
    await expect.poll(() => heading(page)).toBe('Salkun tuonti ja vienti');
    await expectNoAxeViolations(page, 'import page (phone)');

    await upload(page, 'Lennossa');
    const bad = page.locator('.import-row--bad');
    await bad
      .filter({ hasText: 'Rivi 3' })
      .getByText('Vaihe: Tuntematon vaihe "Lennossa".')
      .waitFor();
    expect(await bad.count()).toBe(1);
    await page.getByText('2 riviä, virheellisiä rivejä 1.').waitFor();
    const importButton = page.getByRole('button', { name: 'Tuo 2 ideaa' });
    expect(await importButton.isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'import preview with a bad row (phone)');
    await page.screenshot({
      path: '/tmp/portfolio-import/portfolio-import-fi-phone.png',
      fullPage: true,
    });

    // The fixed file; "Kuvaus" is not a known header, so the team maps it to the problem.
    await upload(page, 'Seulonnassa');
    await page.getByText('2 riviä, kaikki kunnossa.').waitFor();
    expect(await page.getByLabel('Kuvaus').inputValue()).toBe('');
    await page.getByLabel('Kuvaus').selectOption({ label: 'Ongelma' });
    await expect.poll(() => page.getByLabel('Kuvaus').inputValue()).toBe('problem');
    await page.getByText('2 riviä, kaikki kunnossa.').waitFor();
    await importButton.click();
    await page.getByText('Tuotiin 2 ideaa salkkuun.').waitFor();
    await expectNoAxeViolations(page, 'import done (phone)');

    const found = await page.request.get(
      `/api/tyrskyla/portfolio/ideas?q=${encodeURIComponent(String(RUN))}`,
    );
    const items = (
      (await found.json()) as { items: { title: string; problem: string; stage: string }[] }
    ).items;
    expect(items.map((i) => [i.title, i.problem, i.stage]).sort()).toEqual([
      [GOOD, 'Jonot ovat pitkiä', 'idea'],
      [OTHER, 'Ei verkkoa torilla', 'screening'],
    ]);
    // The export links download the portfolio in the same columns.
    const href = await page.getByRole('link', { name: 'Lataa CSV' }).getAttribute('href');
    const exported = await page.request.get(href!);
    expect(exported.headers()['content-type']).toContain('text/csv');
    expect(await exported.text()).toContain(
      `${OTHER};Ei verkkoa torilla;Avoin verkko;;;;screening`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Swedish, the row errors are Swedish', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    await signIn(context, TEAM, 'sv');
    const page = await context.newPage();
    try {
      await page.goto('/tyrskyla/portfolio/import');
      await expect.poll(() => heading(page)).toBe('Import och export av portföljen');
      await upload(page, 'Lennossa');
      await page.getByText('Okänt skede "Lennossa".', { exact: false }).first().waitFor();
      await expectNoAxeViolations(page, 'import preview (phone, Swedish)');
      await page.screenshot({
        path: '/tmp/portfolio-import/portfolio-import-sv-phone.png',
        fullPage: true,
      });
    } finally {
      // Leave the team member Finnish for the specs that follow.
      await signIn(context, TEAM, 'fi');
      await context.close();
    }
  });
});
