import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiSession } from '../support/api.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
} from '../support/browser.js';

let browser: Browser;
const TEAM = 'digiryhma@tyrskyla.example';
// Unique per run: other specs and earlier runs share the server.
const RUN = Date.now().toString(36);
const THEME = `taulu-${RUN}`;
const TITLES = {
  keyboard: `Lainattavat sählymailat ${RUN}`,
  drag: `Koulun kuntosali iltaisin ${RUN}`,
  stays: `Kirjaston pelikerho ${RUN}`,
};

beforeAll(async () => {
  browser = await launch();
  const team = await ApiSession.login(TEAM);
  for (const title of Object.values(TITLES)) {
    await team.post('portfolio/ideas', {
      title,
      problem: 'Nuorille ei ole tekemistä iltaisin.',
      proposal: 'Kokeillaan pienesti.',
      themes: [THEME],
      departments: ['Vapaa-aika'],
    });
  }
});
afterAll(async () => browser?.close());

const column = (page: Page, stage: RegExp) =>
  page.locator('.board-drop').filter({ has: page.getByRole('heading', { name: stage }) });
const card = (scope: Page | Locator, title: string) =>
  scope.locator('.board-card').filter({ hasText: title });
/** A Suomi.fi dropdown: open it by its label, then pick the option. */
async function choose(page: Page, scope: Locator | Page, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('portfolio board and numbers', () => {
  it('the team moves cards by keyboard and by drag; the stage rules hold', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, TEAM, '/tyrskyla/portfolio');
    await page.getByRole('link', { name: 'Vaihetaulu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vaihetaulu' }).waitFor();
    await card(column(page, /^Aihio/), TITLES.keyboard).waitFor();
    await expectNoAxeViolations(page, 'board');

    // By keyboard: choose the stage, Tab to the button, Enter.
    const keyboardCard = card(page, TITLES.keyboard);
    await keyboardCard.getByLabel('Siirrä vaiheeseen').selectOption({ label: 'Kokeilu' });
    await keyboardCard.getByLabel('Siirrä vaiheeseen').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /vaiheeseen Kokeilu/ });
    await dialog.waitFor();
    await dialog.getByText('Vaihe vaatii: Vastuuhenkilö, Aikaraja').waitFor();
    await expectNoAxeViolations(page, 'board move dialog');
    // Nothing given: the server refuses, says why, and the card stays.
    await dialog.getByRole('button', { name: 'Siirrä idea' }).click();
    await dialog
      .getByText(/Vastuuhenkilö/)
      .nth(1)
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'ei siirtynyt vaiheeseen Kokeilu' }).waitFor();
    await choose(page, dialog, /Vastuuhenkilö/, 'Diana Digiryhmä');
    await dialog.locator('label').filter({ hasText: '21 päivää' }).click();
    await dialog.getByRole('button', { name: 'Siirrä idea' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card(column(page, /^Kokeilu/), TITLES.keyboard).waitFor();
    await page.getByRole('status').filter({ hasText: 'siirrettiin vaiheeseen Kokeilu' }).waitFor();
    // The keyboard follows the card to its new column.
    await card(column(page, /^Kokeilu/), TITLES.keyboard)
      .locator('a:focus')
      .waitFor();
    await card(column(page, /^Kokeilu/), TITLES.keyboard)
      .getByText('Diana Digiryhmä')
      .waitFor();

    // A refused move through cancel: the card stays where it was.
    const stays = card(page, TITLES.stays);
    await stays.getByLabel('Siirrä vaiheeseen').selectOption({ label: 'Otettu käyttöön' });
    await stays.getByRole('button', { name: 'Siirrä' }).click();
    const adopt = page.getByRole('dialog', { name: /Otettu käyttöön/ });
    await adopt.getByRole('button', { name: 'Siirrä idea' }).click();
    await adopt
      .getByText(/Mitatut tulokset/)
      .nth(1)
      .waitFor();
    await adopt.getByRole('button', { name: 'Peruuta' }).click();
    await adopt.waitFor({ state: 'detached' });
    await card(column(page, /^Aihio/), TITLES.stays).waitFor();

    // By drag: into evaluation, which needs a goal.
    // Dropped near the column's top: a drop point lower down would scroll the page mid-drag.
    await card(page, TITLES.drag).dragTo(column(page, /^Arvioinnissa/), {
      targetPosition: { x: 40, y: 20 },
    });
    const evaluation = page.getByRole('dialog', { name: /vaiheeseen Arvioinnissa/ });
    await evaluation.getByLabel('Tavoite').fill('Kolmekymmentä nuorta viikossa');
    await evaluation.getByRole('button', { name: 'Siirrä idea' }).click();
    await evaluation.waitFor({ state: 'detached' });
    await card(column(page, /^Arvioinnissa/), TITLES.drag).waitFor();
    // The idea's history has the move.
    await card(page, TITLES.drag).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: TITLES.drag }).waitFor();
    expect(await page.locator('.portfolio-stage').first().innerText()).toContain('Arvioinnissa');
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await context.close();
  });

  it('filters narrow the list, stay in the address and survive a reload (phone)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, TEAM, '/tyrskyla/portfolio');
    await page.locator('.portfolio-card').first().waitFor();
    await choose(page, page, /Teema/, THEME);
    await page.getByText('3 ideaa').waitFor();
    await choose(page, page, /Vaihe/, 'Aihio');
    await page.getByText('1 idea', { exact: true }).waitFor();
    await page.getByRole('link', { name: TITLES.stays }).waitFor();
    expect(page.url()).toContain(`theme=${THEME}`);
    expect(page.url()).toContain('stage=idea');
    await page.reload();
    await page.getByText('1 idea', { exact: true }).waitFor();
    await page.getByRole('link', { name: TITLES.stays }).waitFor();
    await expectNoAxeViolations(page, 'filtered ideas list (phone)');
    // The clock filter: the keyboard-moved idea runs on time.
    await page.getByRole('button', { name: 'Poista rajaukset' }).click();
    await choose(page, page, /Teema/, THEME);
    await choose(page, page, /Kokeilun aikataulu/, 'Käynnissä aikataulussa');
    await page.getByText('1 idea', { exact: true }).waitFor();
    await page.getByRole('link', { name: TITLES.keyboard }).waitFor();
    expect(page.url()).toContain('timeboxState=running');
    await page.screenshot({ path: '/tmp/board-shots/list-phone-fi.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the numbers page shows both charts with tables, for anyone', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/tyrskyla/portfolio');
    await page.getByRole('link', { name: 'Salkku lukuina' }).click();
    await page.getByRole('heading', { level: 1, name: 'Salkku lukuina' }).waitFor();
    await page.getByRole('img', { name: /Pylväskaavio: jätetyt ideat/ }).waitFor();
    await page.getByRole('img', { name: /Pylväskaavio: eri kokeilijat/ }).waitFor();
    const funnel = page.getByRole('table', { name: 'Ideasta palveluksi' });
    const year = String(new Date().getFullYear());
    const row = funnel.getByRole('row', { name: new RegExp(`^${year}`) });
    await row.waitFor();
    // This year's ideas include the three of this run.
    const submitted = Number(await row.getByRole('cell').nth(0).innerText());
    expect(submitted).toBeGreaterThanOrEqual(3);
    await page.getByRole('table', { name: 'Kokeilijat ja tavoite' }).waitFor();
    await expectNoAxeViolations(page, 'numbers page');
    expect(await page.getByRole('link', { name: 'Vaihetaulu' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Swedish on a phone', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    await page.goto('/tyrskyla/portfolio/numbers');
    await page.getByRole('heading', { level: 1, name: 'Portföljen i siffror' }).waitFor();
    await page.getByRole('img', { name: /Stapeldiagram: inlämnade idéer/ }).waitFor();
    await page.getByRole('table', { name: 'Försökare mot målet' }).waitFor();
    await expectNoAxeViolations(page, 'numbers page (Swedish, phone)');
    await page.screenshot({ path: '/tmp/board-shots/numbers-phone-sv.png', fullPage: true });
    await page.goto(`/tyrskyla/portfolio?theme=${THEME}`);
    await page.getByRole('group', { name: 'Avgränsa idéerna' }).waitFor();
    await page.getByText('3 idéer').waitFor();
    await expectNoAxeViolations(page, 'filtered list (Swedish, phone)');
    await context.close();
  });
});
