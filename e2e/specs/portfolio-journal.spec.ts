import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api.js';
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

/** A fresh experiment of this run (the demo ones stay as they are): idea, round, "go". */
async function newExperiment() {
  const resident = await ApiSession.login('asukas@tyrskyla.example');
  const idea = await resident.post('portfolio/ideas', {
    title: `Lainattavat lumikengät ${Date.now().toString(36)}`,
    problem: 'Talviliikuntaan ei ole välineitä.',
    proposal: 'Kirjasto lainaa lumikenkiä kokeeksi.',
  });
  const team = await ApiSession.login('digiryhma@tyrskyla.example');
  const owners = (await team.get('portfolio/owners')) as { items: { id: string; name: string }[] };
  const round = await team.post('portfolio/rounds', {
    title: 'Lumikenkäkierros',
    meetingDate: '2026-12-15',
    ideaIds: [idea!.id],
  });
  await team.post(`portfolio/rounds/${round!.id as string}/ideas/${idea!.id as string}/decision`, {
    decision: 'go',
    reason: 'Halpa kokeilla.',
    ownerId: owners.items.find((o) => o.name === 'Tapio Tilavastaava')!.id,
    timeboxDays: 21,
  });
  return `/tyrskyla/portfolio/ideas/${idea!.id as string}`;
}

/** A Suomi.fi dropdown: open it by its label, then pick the option. */
async function choose(page: Page, label: string, option: string) {
  await page
    .getByRole('button', { name: new RegExp(label) })
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('experiment details and editing the journal', () => {
  let url = '';
  beforeAll(async () => {
    url = await newExperiment();
  });

  it('the digital team edits the team, metrics and budget', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'digiryhma@tyrskyla.example', url);
    await page
      .getByRole('button', { name: 'Muokkaa kokeilijoita, mittareita ja budjettia' })
      .click();
    await choose(page, 'Lisää kokeilija henkilöstöstä', 'Veera Varhaiskasvattaja');
    await page.getByLabel('Kokeilijan 1 toimiala').fill('Varhaiskasvatus');
    await page.getByRole('button', { name: 'Lisää kokeilija', exact: true }).click();
    await page.getByLabel('Kokeilijan 2 nimi').fill('Kirjaston Kaisa');
    await page.getByLabel('Kokeilijan 2 toimiala').fill('Kulttuuri');
    await page.getByRole('button', { name: 'Lisää mittari' }).click();
    await page.getByLabel('Mittarin 1 nimi').fill('Lainauksia viikossa');
    await page.getByLabel('Mittarin 1 yksikkö').fill('kpl');
    await page.getByLabel('Mittarin 1 lähtötaso').fill('0');
    await page.getByLabel('Mittarin 1 tavoite').fill('12,5');
    await page.getByLabel('Myönnetty budjetti (€)').fill('500');
    // A bad number is named before anything is sent.
    await page.getByLabel('Käytetty (€)').fill('paljon');
    await page.getByText('Tarkista luvut').waitFor();
    await page.getByLabel('Käytetty (€)').fill('120,50');
    await expectNoAxeViolations(page, 'experiment details form');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByText('Veera Varhaiskasvattaja (Varhaiskasvatus)').waitFor();
    await page.getByText('Kirjaston Kaisa (Kulttuuri)').waitFor();
    await page.getByText(/Lainauksia viikossa \(kpl\): lähtötaso 0, tavoite 12\.5/).waitFor();
    await page.getByText(/Budjetti: käytetty 120,50\s€ \/ myönnetty 500,00\s€/).waitFor();
    await expectNoAxeViolations(page, 'experiment details saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a team member posts, edits and deletes a journal post on a phone', async () => {
    const body = `Ensimmäiset lainaukset ${Date.now()}`;
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'varhaiskasvatus@tyrskyla.example', url);
    await page.getByLabel('Mitä kokeilussa tapahtui?').fill(body);
    await page.getByRole('button', { name: 'Julkaise merkintä' }).click();
    const post = page.getByRole('listitem').filter({ hasText: body });
    await post.waitFor();
    await post.getByRole('button', { name: /^Muokkaa merkintää:/ }).click();
    await page.getByRole('heading', { name: 'Muokkaa merkintää' }).waitFor();
    await expectNoAxeViolations(page, 'journal post edit form (phone)');
    await post.getByLabel('Mitä kokeilussa tapahtui?').fill(`${body}: kuusi paria`);
    await post
      .locator('label')
      .filter({ hasText: /^Sisäinen/ })
      .click();
    await post.getByRole('button', { name: 'Tallenna muutokset' }).click();
    const edited = page.getByRole('listitem').filter({ hasText: `${body}: kuusi paria` });
    await edited.getByText('(sisäinen) (muokattu)').waitFor();
    await page.screenshot({ path: '/tmp/journal-shots/edited-fi.png', fullPage: true });
    await edited.getByRole('button', { name: /^Poista merkintä:/ }).click();
    await edited.getByText('Poistetaanko merkintä pysyvästi?').waitFor();
    await expectNoAxeViolations(page, 'journal post delete confirmation (phone)');
    await edited.getByRole('button', { name: 'Poista pysyvästi' }).click();
    await expect.poll(() => page.getByText(body).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
