import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
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

const TEAM = 'digiryhma@tyrskyla.example';
// Unique per run: other specs and earlier runs share the server.
const TITLE = `Lainattavat lumikengät kirjastosta ${Date.now()}`;
const LESSONS = 'Lumikenkiä kysyttiin eniten hiihtolomalla; varaus verkossa auttoi.';
let ideaId = '';

/** A write through the API as the signed-in browser (the CSRF token comes with the session). */
async function apiPost(context: BrowserContext, path: string, data: unknown) {
  const session = await context.request.get('/api/tyrskyla/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await context.request.post(`/api/tyrskyla/${path}`, {
    data,
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

describe('the end of an experiment', () => {
  it('the team finishes an experiment and writes a case card from it', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, TEAM, '/tyrskyla/portfolio');
    const me = (await (await page.request.get('/api/tyrskyla/session')).json()) as {
      user: { id: string };
    };
    const idea = await apiPost(context, 'portfolio/ideas', {
      title: TITLE,
      problem: 'Lumikenkiä ei voi lainata mistään.',
      proposal: 'Kirjasto lainaa kymmentä paria kolme viikkoa.',
      themes: ['liikunta'],
      departments: ['Sivistyspalvelut'],
      targetGroups: ['perheet'],
    });
    ideaId = idea.id;
    await apiPost(context, `portfolio/ideas/${ideaId}/stage`, {
      stage: 'experiment',
      reason: 'Kokeillaan talvella',
      ownerId: me.user.id,
      timeboxDays: 21,
    });
    await apiPost(context, `portfolio/ideas/${ideaId}/experiment/declare`, {
      declaration: 'Kymmenen paria lumikenkiä lainaan kirjastosta maanantaista alkaen.',
    });

    await page.goto(`/tyrskyla/portfolio/ideas/${ideaId}`);
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Päätä kokeilu' }),
    });
    await form.waitFor();
    await expectNoAxeViolations(page, 'idea page with the finish form');
    // Without lessons the form says so and sends nothing.
    await form.getByRole('button', { name: 'Päätä kokeilu' }).click();
    await page.getByText('Kirjoita, mitä kokeilusta opittiin.').waitFor();
    await form.locator('label').filter({ hasText: 'Jatkuu muutettuna' }).click();
    await form.getByLabel(/^Yhteenveto/).fill('Lainaus jatkuu, mutta vain talvikaudella.');
    await form.getByLabel('Mitä opittiin?').fill(LESSONS);
    // No metrics and no written results: the adopted stage refuses, the page tells why.
    await form.getByRole('button', { name: 'Päätä kokeilu' }).click();
    await page
      .getByText(/tulokset/)
      .first()
      .waitFor();
    await form.getByLabel(/^Tulokset/).fill('62 lainaa kolmessa viikossa.');
    await form.getByRole('button', { name: 'Päätä kokeilu' }).click();
    await page.getByRole('heading', { name: 'Lopputulos: Jatkuu muutettuna' }).waitFor();
    await page.locator('.portfolio-kind--celebration').first().waitFor();
    expect(await page.locator('.portfolio-kind--celebration').first().innerText()).toBe(
      'Juhlitaan',
    );

    await page.getByRole('button', { name: 'Tee tapauskortti' }).click();
    await page.waitForURL('**/tyrskyla/admin/cases/*');
    await expect.poll(() => page.getByLabel('Otsikko').inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Opit').inputValue()).toBe(LESSONS);
    expect(await page.getByLabel('Ongelma').inputValue()).toBe(
      'Lumikenkiä ei voi lainata mistään.',
    );
    // Asked again, the same draft opens: no second card.
    const caseUrl = page.url();
    await page.goto(`/tyrskyla/portfolio/ideas/${ideaId}`);
    await page.getByRole('button', { name: 'Tee tapauskortti' }).click();
    await page.waitForURL('**/tyrskyla/admin/cases/*');
    expect(page.url()).toBe(caseUrl);
    const cases = (await (await page.request.get('/api/tyrskyla/cases')).json()) as {
      items: { title: string }[];
    };
    expect(cases.items.filter((c) => c.title === TITLE)).toHaveLength(1);
    // The refused finish is a 422 the page shows; nothing else may go wrong.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await context.close();
  });

  it('anyone sees the celebration on the public journal, on a phone, signed out', async () => {
    expect(ideaId).not.toBe('');
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/tyrskyla/portfolio');
    await page.getByRole('link', { name: 'Kokeilujen päiväkirja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kokeilujen päiväkirja' }).waitFor();
    const item = page.locator('li', { has: page.getByRole('link', { name: TITLE }) }).first();
    await item.getByText('Juhlitaan: Jatkuu muutettuna').waitFor();
    await item.getByText(LESSONS, { exact: false }).waitFor();
    // The declaration is on the feed too, labelled as one.
    await page
      .locator('li', { has: page.getByText('Kymmenen paria lumikenkiä') })
      .getByText('Julistus')
      .waitFor();
    // Internal posts never reach the public feed (the demo chat has one).
    expect(await page.getByText('Iltapäivisin vastausaika venyy').count()).toBe(0);
    await expectNoAxeViolations(page, 'public journal feed (phone)');
    await page.screenshot({ path: '/tmp/outcome-shots/feed-phone-fi.png', fullPage: true });
    await item.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/tyrskyla/portfolio/ideas/${ideaId}`);
    await page.getByRole('heading', { name: 'Lopputulos: Jatkuu muutettuna' }).waitFor();
    expect(await page.getByRole('button', { name: 'Tee tapauskortti' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Swedish, the feed labels the celebration', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    await page.goto('/tyrskyla/portfolio/journal');
    await page.getByRole('heading', { level: 1, name: 'Försökens dagbok' }).waitFor();
    const item = page.locator('li', { has: page.getByRole('link', { name: TITLE }) }).first();
    await item.getByText('Vi firar: Fortsätter i ändrad form').waitFor();
    await expectNoAxeViolations(page, 'public journal feed (phone, Swedish)');
    await page.screenshot({ path: '/tmp/outcome-shots/feed-phone-sv.png', fullPage: true });
    await context.close();
  });
});
