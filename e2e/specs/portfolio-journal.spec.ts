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

// Unique per run: other specs and earlier runs share the server.
const BODY = `Toinen viikko: jonot lyhenivät ${Date.now()}`;
let ideaUrl = '';

describe('experiment journal', () => {
  it('the digital team posts to the chat experiment', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'digiryhma@tyrskyla.example', '/tyrskyla/portfolio');
    const ideas = await page.request.get('/api/tyrskyla/portfolio/ideas');
    const chat = ((await ideas.json()) as { items: { id: string; title: string }[] }).items.find(
      (i) => i.title === 'Chat-neuvonta kunnan verkkosivuille',
    );
    ideaUrl = `/tyrskyla/portfolio/ideas/${chat!.id}`;
    await page.goto(ideaUrl);
    await page.getByRole('heading', { name: 'Kokeilun päiväkirja' }).waitFor();
    // Both demo posts, the internal one marked as such.
    await page.getByText('(sisäinen)').first().waitFor();
    await page.getByLabel('Mitä kokeilussa tapahtui?').fill(BODY);
    await page.getByLabel(/Videolinkki/).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Julkaise merkintä' }).click();
    await page
      .getByText(/Anna videon osoite/)
      .first()
      .waitFor();
    await page.getByLabel(/Videolinkki/).fill('https://video.tyrskyla.example/viikko-2');
    await page.getByRole('button', { name: 'Julkaise merkintä' }).click();
    await page.getByText(BODY).waitFor();
    await expectNoAxeViolations(page, 'idea page with the journal form');
    // The refused link is a 422 the page shows; nothing else may go wrong.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await context.close();
  });

  it('anyone reads the public posts on a phone without logging in', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await page.goto(ideaUrl);
    await page.getByText(BODY).waitFor();
    await page.getByRole('img', { name: /Pylväskaavio/ }).waitFor();
    expect(await page.getByText('(sisäinen)').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Julkaise merkintä' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'journal logged out (phone)');
    await page.screenshot({ path: '/tmp/journal-shots/phone-fi.png', fullPage: true });
    await context.close();
  });
});
