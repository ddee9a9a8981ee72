import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launch, newContext } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('municipality administrator', () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    it(`manages settings and roles, reads the audit log and the outbox (${viewport})`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto('/tyrskyla/login?returnTo=%2Ftyrskyla%2Fadmin');
      await page.getByLabel('Sähköpostiosoite').fill('admin@tyrskyla.example');
      await page.getByLabel('Salasana', { exact: true }).fill('demo');
      await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
      await page.waitForURL('**/tyrskyla/admin');
      await expectNoAxeViolations(page, `admin overview (${viewport})`);

      for (const [path, heading] of [
        ['settings', 'Kunnan tiedot'],
        ['people', 'Henkilöt ja roolit'],
        ['audit', 'Tapahtumaloki'],
        ['emails', 'Lähtevät sähköpostit'],
      ] as const) {
        await page.goto(`/tyrskyla/admin/${path}`);
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).textContent())
          .toBe(heading);
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page, `admin ${path} (${viewport})`);
      }
      await context.close();
    });
  }
});
