import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newContext, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('terms of use of a facility', () => {
  it('are edited by facility staff and shown to a resident, who must accept them', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/admin/facilities');
    await expect.poll(() => heading(page)).toBe('Tilojen ylläpito');
    await expectNoAxeViolations(page, 'facility administration list');
    await page.getByRole('link', { name: 'Rantasauna' }).click();
    await expect.poll(() => heading(page)).toBe('Tilan ylläpito: Rantasauna');
    await page.getByText(/^Voimassa versio \d+\.$/).waitFor();
    await expectNoAxeViolations(page, 'facility terms editor');

    // Only two languages: refused at the empty one.
    const swedish = page.getByLabel('Käyttöehdot ruotsiksi');
    await swedish.fill('');
    await page.getByRole('button', { name: 'Tallenna käyttöehdot' }).click();
    await page.getByText('Kirjoita ehdot kaikilla kielillä tai jätä kaikki tyhjiksi.').waitFor();
    await expectNoAxeViolations(page, 'facility terms editor with an error');
    const fi = 'Saunan saa varata vain täysi-ikäinen. Lauteilla ei syödä.';
    await page.getByLabel('Käyttöehdot suomeksi').fill(fi);
    await swedish.fill('Bastun får bokas endast av en myndig person. Man äter inte på lavarna.');
    await page.getByLabel('Käyttöehdot englanniksi').fill('Only adults may book the sauna.');
    await page.getByRole('button', { name: 'Tallenna käyttöehdot' }).click();
    const saved = await page
      .getByText(/^Käyttöehdot tallennettiin \(versio (\d+)\)\.$/)
      .innerText();
    const version = Number(/versio (\d+)/.exec(saved)?.[1]);
    expect(version).toBeGreaterThan(1);
    await context.close();

    // A resident (Swedish, phone) reads the new version on the facility page.
    const resident = await newContext(browser, 'phone', 'sv-FI');
    await signIn(resident, 'asukas@tyrskyla.example');
    const mobile = await resident.newPage();
    await mobile.goto('/tyrskyla/facilities');
    await mobile.getByRole('link', { name: 'Strandbastun' }).click();
    await expect.poll(() => heading(mobile)).toBe('Strandbastun');
    await mobile
      .locator('#terms')
      .getByText(/Bastun får bokas endast/)
      .waitFor();
    await mobile.getByRole('button', { name: 'Nästa vecka' }).click();
    const free = mobile.getByRole('button', { name: /, ledig$/ });
    await free.first().waitFor();
    await free.first().click();
    await mobile
      .locator('label')
      .filter({ hasText: 'Jag har läst lokalens användarvillkor och godkänner dem' })
      .waitFor();
    await expectNoAxeViolations(mobile, 'facility page with terms (Swedish, phone)');
    await resident.close();
  });
});
