import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newContext } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const loginAsAdmin = (page: Page, returnTo: string) =>
  loginAs(page, 'admin@tyrskyla.example', returnTo);

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('municipality administrator', () => {
  it('changes the contact details, shown on the front page', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAsAdmin(page, '/tyrskyla/admin/settings');
    await expect.poll(() => heading(page)).toBe('Kunnan tiedot');
    const phone = page.getByLabel('Puhelinnumero');
    await expect.poll(() => phone.inputValue()).toBe('+358 40 123 4567');
    await phone.fill('+358 40 765 4321');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => page.getByText('Tiedot tallennettiin.').isVisible()).toBe(true);
    await page.goto('/tyrskyla/');
    await expect.poll(() => page.getByText('+358 40 765 4321').isVisible()).toBe(true);
    await context.close();
  });

  it('grants and revokes a role, and the audit log records both', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await loginAsAdmin(page, '/tyrskyla/admin/people');
    await expect.poll(() => heading(page)).toBe('Henkilöt ja roolit');
    await page.getByLabel('Sähköpostiosoite').fill('digiryhma@tyrskyla.example');
    await page.getByRole('button', { name: /Rooli/ }).click();
    await page.getByRole('option', { name: 'pääkäyttäjä' }).click();
    await page.getByRole('button', { name: 'Anna rooli' }).click();
    await expect
      .poll(() => page.getByText('Diana Digiryhmä sai roolin pääkäyttäjä.').isVisible())
      .toBe(true);
    const dianasRoles = page.getByRole('list', { name: 'Henkilön Diana Digiryhmä roolit' });
    await expect.poll(() => dianasRoles.getByText('pääkäyttäjä').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'people and roles after a grant (phone)');

    await dianasRoles.getByRole('button', { name: /pääkäyttäjä/ }).click();
    await expect.poll(() => dianasRoles.getByText('pääkäyttäjä').count()).toBe(0);

    await page.goto('/tyrskyla/admin/audit');
    await expect.poll(() => heading(page)).toBe('Tapahtumaloki');
    // On a phone the log is a list of entries rather than a table.
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toMatch(/role\.revoke[\s\S]*role\.grant/);
    await context.close();
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`every admin page is accessible (${viewport})`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await loginAsAdmin(page, '/tyrskyla/admin');
      await expectNoAxeViolations(page, `admin overview (${viewport})`);
      for (const [path, title] of [
        ['settings', 'Kunnan tiedot'],
        ['people', 'Henkilöt ja roolit'],
        ['audit', 'Tapahtumaloki'],
        ['emails', 'Lähtevät sähköpostit'],
      ] as const) {
        await page.goto(`/tyrskyla/admin/${path}`);
        await expect.poll(() => heading(page)).toBe(title);
        await expect.poll(() => page.getByText('Ladataan…').count()).toBe(0);
        await expectNoAxeViolations(page, `admin ${path} (${viewport})`);
      }
      await context.close();
    });
  }

  it('refuses the admin pages to a resident', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await page.goto('/tyrskyla/login?returnTo=%2Ftyrskyla%2Fadmin%2Fpeople');
    await page.getByLabel('Sähköpostiosoite').fill('asukas@pyharanta.example');
    await page.getByLabel('Salasana', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await expect.poll(() => heading(page)).toBe('Ei käyttöoikeutta');
    expect(await page.getByText('admin@tyrskyla.example').count()).toBe(0);
    await expectNoAxeViolations(page, 'no access page');
    await context.close();
  });
});
