import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newContext } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('door access', () => {
  it('shows the booker the door PIN of the demo sauna booking', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'asukas@tyrskyla.example', '/tyrskyla/bookings/mine');
    await expect.poll(() => heading(page)).toBe('Omat varaukset');
    const pin = page.locator('.access-pin').first();
    await pin.waitFor();
    expect(await pin.textContent()).toMatch(/^[0-9]{6}$/);
    expect(await page.getByText('Oven PIN-koodi').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'my bookings with a PIN');
    await context.close();
  });

  it('lets facility staff follow the grants and add a door, whose token is shown once', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/admin/access');
    await expect.poll(() => heading(page)).toBe('Ovet ja kulkuoikeudet');
    await page.getByRole('table', { name: 'Omatoimitilojen ovet' }).waitFor();
    await page.getByRole('table', { name: /^Kulkuoikeudet/ }).waitFor();
    await expectNoAxeViolations(page, 'doors and access');

    await page.getByRole('button', { name: /Tila$/ }).click();
    await page.getByRole('option', { name: 'Rantasauna' }).click();
    await page.getByLabel(/Oven nimi/).fill('Rantasaunan takaovi');
    await page.getByRole('button', { name: 'Lisää ovi', exact: true }).click();
    const token = page.locator('.access-token');
    await token.waitFor();
    expect(await token.textContent()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page
      .getByRole('table', { name: 'Omatoimitilojen ovet' })
      // Every upcoming sauna booking (other specs make some) gets a grant on the new door.
      .getByRole('cell', { name: 'Rantasaunan takaovi', exact: true })
      .first()
      .waitFor();
    // The coming demo booking of the sauna got its grant on the new door at once.
    await page
      .getByRole('table', { name: /^Kulkuoikeudet/ })
      // Every upcoming sauna booking (other specs make some) gets a grant on the new door.
      .getByRole('cell', { name: 'Rantasaunan takaovi', exact: true })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'doors and access with a new token');

    // Out of use and back: the table says so, and the notices say what happens to the grants.
    await page.getByRole('button', { name: 'Poista ovi käytöstä: Rantasaunan takaovi' }).click();
    await page
      .getByText('Ovi poistettiin käytöstä: Rantasaunan takaovi.', { exact: false })
      .waitFor();
    const row = page
      .getByRole('table', { name: 'Omatoimitilojen ovet' })
      .getByRole('row')
      .filter({ hasText: 'Rantasaunan takaovi' });
    await expect.poll(() => row.innerText()).toMatch(/Poistettu käytöstä/);
    await expectNoAxeViolations(page, 'doors and access with a door out of use');
    await page.getByRole('button', { name: 'Ota ovi käyttöön: Rantasaunan takaovi' }).click();
    await page.getByText('Ovi otettiin käyttöön: Rantasaunan takaovi.', { exact: false }).waitFor();
    await expect.poll(() => row.innerText()).toMatch(/Käytössä/);
    await context.close();
  });
});
