import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession } from '../support/api.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
  type ViewportName,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const unreadFromLabel = (label: string | null) => Number(/(\d+)/.exec(label ?? '')?.[1] ?? NaN);

// Each viewport uses its own resident: the language choice is remembered per person.
const RESIDENTS: Record<ViewportName, { email: string; shown: RegExp }> = {
  desktop: { email: 'asukas@tyrskyla.example', shown: /Antti Asukas\s+asukas/ },
  phone: { email: 'huoltaja@tyrskyla.example', shown: /Hanna Huoltaja\s+asukas, huoltaja/ },
};

for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
  describe(`resident on ${viewport}`, () => {
    it('chooses the municipality, logs in, gets a notification live, switches language and logs out', async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const errors = collectPageErrors(page);

      await page.goto('/');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Valitse kuntasi');
      await expectNoAxeViolations(page, `chooser (${viewport})`);
      await page.getByRole('link', { name: 'Tyrskylä' }).first().click();
      await page.waitForURL('**/tyrskyla/');
      expect(await page.getAttribute('html', 'lang')).toBe('fi');
      await expectNoAxeViolations(page, `front page (${viewport})`);

      await loginAs(page, RESIDENTS[viewport].email, '/tyrskyla/');
      // Name and roles are shown in the header, on the phone too.
      const who = page.locator('header .user-menu__who');
      await expect.poll(() => who.isVisible()).toBe(true);
      await expect.poll(() => who.innerText()).toMatch(RESIDENTS[viewport].shown);
      const bell = page.getByRole('link', { name: /^Ilmoitukset, \d+ lukemato/ });
      await bell.waitFor();
      // Earlier specs may have left the resident unread notices: wait for the bell to show
      // the count the API gives before counting on from it.
      const resident = await ApiSession.login(RESIDENTS[viewport].email);
      const before = ((await resident.get('notifications')) as { unreadCount: number }).unreadCount;
      await expect
        .poll(async () => unreadFromLabel(await bell.getAttribute('aria-label')))
        .toBe(before);
      await expectNoAxeViolations(page, `front page logged in (${viewport})`);

      // An administrator sends an announcement; the bell updates without a reload.
      const admin = await ApiSession.login('admin@tyrskyla.example');
      await admin.announce('resident', `Uimahalli suljettu (${viewport})`);
      await expect
        .poll(async () => unreadFromLabel(await bell.getAttribute('aria-label')), {
          timeout: 10_000,
        })
        .toBe(before + 1);

      await bell.click();
      await page.waitForURL('**/tyrskyla/notifications');
      await expect
        .poll(() =>
          page.getByRole('heading', { name: `Uimahalli suljettu (${viewport})` }).isVisible(),
        )
        .toBe(true);
      await expectNoAxeViolations(page, `notifications (${viewport})`);

      // Swedish, remembered across a reload.
      await page.getByRole('button', { name: /Valitse kieli/ }).click();
      await page.getByRole('menuitem', { name: /På svenska/ }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('sv');
      await page.reload();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('sv');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Meddelanden');
      await expectNoAxeViolations(page, `notifications in Swedish (${viewport})`);

      // Back to Finnish, so the person is as other test files expect to find them.
      await page.getByRole('button', { name: /Välj språk/ }).click();
      await page.getByRole('menuitem', { name: /Suomeksi/ }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fi');
      await page.getByRole('button', { name: /Käyttäjävalikko|Oma tili/ }).click();
      await page.getByRole('menuitem', { name: 'Kirjaudu ulos', exact: true }).click();
      await expect
        .poll(() =>
          page
            .getByRole('link', { name: /Kirjaudu sisään/ })
            .first()
            .isVisible(),
        )
        .toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('shows the accessibility statement and 404 pages accessibly', async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto('/tyrskyla/accessibility');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Saavutettavuusseloste');
      await expectNoAxeViolations(page, `accessibility statement (${viewport})`);

      const missing = await page.goto('/tyrskyla/ei-tallaista-sivua');
      expect(missing?.status()).toBe(200);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Sivua ei löytynyt');
      await expectNoAxeViolations(page, `404 page (${viewport})`);

      const unknown = await page.goto('/helsinki/');
      expect(unknown?.status()).toBe(404);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Sivua ei löytynyt');
      await expectNoAxeViolations(page, `unknown municipality (${viewport})`);
      await context.close();
    });
  });
}

describe('strong identification (demo test identification)', () => {
  it('identifies a new resident through the OpenID Connect provider', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await page.goto('/tyrskyla/login');
    await page.getByRole('link', { name: 'Tunnistaudu' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Testitunnistus');
    await expectNoAxeViolations(page, 'test identification page (phone)');
    await page.getByLabel('Sven Testsson').check();
    await page.getByRole('button', { name: 'Tunnistaudu' }).click();
    await page.waitForURL('**/tyrskyla/');
    const who = page.locator('header .user-menu__who');
    await expect.poll(() => who.innerText()).toMatch(/Sven Testsson\s+asukas/);
    await context.close();
  });
});

describe('second municipality', () => {
  it('shows Pyhäranta with its own data and nothing of Tyrskylä', async () => {
    const context = await newContext(browser, 'desktop', 'sv-FI');
    const page = await context.newPage();
    await page.goto('/pyharanta/');
    // No choice made yet: the browser's language (Swedish) is used.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('sv');
    await expect
      .poll(() => page.getByText('kirjaamo@pyharanta.example').first().isVisible())
      .toBe(true);
    expect(await page.getByText('Tyrskylä').count()).toBe(0);
    await expectNoAxeViolations(page, 'Pyhäranta front page in Swedish');
    await context.close();
  });
});
