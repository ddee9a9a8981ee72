import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const SAUNA = 'Rantasaunan omatoimivaraus PIN-koodilla';

/** Sign in through the API of `slug` (sessions are valid in every municipality). */
async function signInAt(context: BrowserContext, slug: string, email: string) {
  const session = await context.request.get(`/api/${slug}/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await context.request.post(`/api/${slug}/session`, {
    data: { email, password: 'demo' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(login.ok()).toBe(true);
}

describe('the public case bank', () => {
  it('is searched, filtered and read on a phone without signing in', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/cases');
    await expect.poll(() => heading(page)).toBe('Kokeilujen tapauspankki');
    await page.getByRole('link', { name: SAUNA }).waitFor();
    await expectNoAxeViolations(page, 'case bank on a phone');

    await page.getByLabel('Hakusana').fill('PIN-koodi');
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 tapaus');
    await page.getByLabel('Hakusana').fill('');
    await page.getByLabel('Lopputulos').selectOption({ label: 'Jatkuu muutettuna' });
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.waitForURL('**/cases?outcome=changed');
    const cards = page.locator('.case-card h3');
    await expect
      .poll(() => cards.allTextContents())
      .toEqual(['Digituen pop-up kirjastossa ikäihmisille']);

    await page.getByLabel('Lopputulos').selectOption({ label: 'Kaikki' });
    await page.getByLabel('Kunnan koko').selectOption({ label: '5 000–20 000 asukasta' });
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.getByRole('link', { name: SAUNA }).click();
    await expect.poll(() => heading(page)).toBe(SAUNA);
    await page.getByRole('table').getByText('Varatut vuorot kuukaudessa').waitFor();
    await page.getByRole('img', { name: 'Piirroskuva järvenrannan hirsisaunasta' }).waitFor();
    await page.getByText('Kirjaudu oman kuntasi palveluun kannattaaksesi tapausta.').waitFor();
    await expectNoAxeViolations(page, 'case page on a phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks Swedish', async () => {
    const context = await newContext(browser, 'phone', 'sv-SE');
    const page = await context.newPage();
    await page.goto('/cases');
    await expect.poll(() => heading(page)).toBe('Försöksbanken');
    await page.getByLabel('Kommunens storlek').waitFor();
    await page.locator('.case-outcome', { hasText: 'Togs i bruk' }).first().waitFor();
    await expectNoAxeViolations(page, 'case bank in Swedish');
    await page.getByRole('link', { name: SAUNA }).click();
    await expect.poll(() => heading(page)).toBe(SAUNA);
    await page.getByText('Vad som prövades').waitFor();
    await context.close();
  });
});

describe('case cards between municipalities', () => {
  it("Tyrskylä's digital team publishes a card and Pyhäranta copies it into its pipeline", async () => {
    const title = `Chat-neuvonta kirjastossa ${Date.now().toString(36)}`;
    const team = await newContext(browser, 'desktop');
    const page = await team.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'digiryhma@tyrskyla.example', '/tyrskyla/admin/cases');
    await expect.poll(() => heading(page)).toBe('Tapauskortit');
    await page.getByRole('link', { name: 'Uusi tapauskortti' }).click();
    await page.getByLabel('Otsikko').fill(title);
    await page.getByLabel('Ongelma').fill('Kirjaston neuvontaan jonotettiin iltaisin.');
    await page.getByLabel('Mitä kokeiltiin').fill('Verkkosivulle lisättiin chat-neuvonta.');
    await page.getByLabel('Kesto (päivää)').fill('21');
    await page.getByLabel('Kustannus (euroa)').fill('350');
    await page.getByLabel('Lopputulos').selectOption({ label: 'Otettiin käyttöön' });
    await page.getByLabel('Opit').fill('Chat ruuhkautui maanantaisin.');
    await page.getByRole('button', { name: 'Lisää mittari' }).click();
    await page.getByRole('group', { name: 'Mittari 1' }).getByLabel('Mittari').fill('Jono');
    await page.getByRole('group', { name: 'Mittari 1' }).getByLabel('Tulos').fill('2,5');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => heading(page)).toBe('Muokkaa tapauskorttia');
    await page.getByText('Kortti on luonnos: vain kuntasi digiryhmä näkee sen.').waitFor();
    await expectNoAxeViolations(page, 'case card editor');
    await page.getByRole('button', { name: 'Julkaise' }).click();
    await page.getByText('Kortti on julkaistu tapauspankissa.').waitFor();
    const id = /admin\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(errors).toEqual([]);
    await team.close();

    const pyharanta = await newContext(browser, 'desktop');
    await signInAt(pyharanta, 'pyharanta', 'admin@pyharanta.example');
    const other = await pyharanta.newPage();
    await other.goto(`/cases/${id}`);
    await expect.poll(() => heading(other)).toBe(title);
    await other.getByRole('button', { name: 'Kannata' }).click();
    await other.getByRole('button', { name: 'Kannatat tätä – peru kannatus' }).waitFor();
    await other.getByRole('button', { name: 'Kopioi ideaksi: Pyhäranta' }).click();
    await other.getByText('Tapaus kopioitiin ideaksi kunnan Pyhäranta ideasalkkuun.').waitFor();
    await expectNoAxeViolations(other, 'case copied by Pyhäranta');
    // Shown again, the page knows the municipality has the copy already.
    await other.reload();
    await other.getByText('Tapaus kopioitiin ideaksi kunnan Pyhäranta ideasalkkuun.').waitFor();
    expect(await other.getByRole('button', { name: 'Kopioi ideaksi: Pyhäranta' }).count()).toBe(0);
    await other.getByRole('button', { name: 'Kannatat tätä – peru kannatus' }).waitFor();
    // The idea is in Pyhäranta's pipeline.
    const ideas = await other.request.get('/api/pyharanta/portfolio/ideas');
    const items = ((await ideas.json()) as { items: { title: string; stage: string }[] }).items;
    expect(items.find((i) => i.title === title)?.stage).toBe('idea');
    await pyharanta.close();
  });
});
