import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
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

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

const RESIDENTS: Record<ViewportName, string> = {
  desktop: 'asukas@tyrskyla.example',
  phone: 'huoltaja@tyrskyla.example',
};

describe('booking a facility', () => {
  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`search → book a free time → see it in my bookings → cancel (${viewport})`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await loginAs(page, RESIDENTS[viewport], '/tyrskyla/facilities');
      await expect.poll(() => heading(page)).toBe('Tilat');
      await page.getByLabel('Hakusana').fill('Laine');
      await page.getByRole('button', { name: 'Hae tiloja' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Löytyi' }).textContent())
        .toMatch(/1 tila/);
      await expectNoAxeViolations(page, `facility search (${viewport})`);

      await page.getByRole('link', { name: 'Kokoushuone Laine' }).click();
      await expect.poll(() => heading(page)).toBe('Kokoushuone Laine');
      // Next week: every workday slot there is in the future.
      await page.getByRole('button', { name: 'Seuraava viikko' }).click();
      const free = page.getByRole('button', { name: /, vapaa$/ });
      await free.first().waitFor();
      await expectNoAxeViolations(page, `facility calendar (${viewport})`);
      await free.first().click();
      await page.getByRole('button', { name: /Kesto$/ }).click();
      await page.getByRole('option').first().click();
      await page.getByLabel(/Käyttötarkoitus/).fill(`Testivaraus ${viewport}`);
      await page.getByRole('button', { name: 'Varaa', exact: true }).click();
      await expect.poll(() => page.getByText('Varaus vahvistettu').isVisible()).toBe(true);

      await page.getByRole('link', { name: 'Siirry omiin varauksiin' }).click();
      await expect.poll(() => heading(page)).toBe('Omat varaukset');
      const cancel = page.getByRole('button', { name: /^Peru varaus: Kokoushuone Laine/ });
      await cancel.first().waitFor();
      await expectNoAxeViolations(page, `my bookings (${viewport})`);
      const before = await cancel.count();
      await cancel.first().click();
      await page.getByLabel(/Peruutuksen syy/).fill('Suunnitelmat muuttuivat');
      await page.getByRole('button', { name: 'Kyllä, peru varaus' }).click();
      await expect
        .poll(() =>
          page
            .getByText(/Varaus peruttiin/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await expect.poll(() => cancel.count()).toBe(before - 1);
      await context.close();
    });
  }

  it('shows the calendar to visitors and asks them to log in to book', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    await page.goto('/tyrskyla/facilities');
    await expect.poll(() => heading(page)).toBe('Lokaler');
    await page.getByRole('link', { name: 'Strandbastun' }).click();
    await expect.poll(() => heading(page)).toBe('Strandbastun');
    await expect
      .poll(() => page.getByRole('link', { name: /Logga in för att boka/ }).isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: /, ledig$/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'facility page for a visitor in Swedish (phone)');
    await context.close();
  });
});

describe('facility staff', () => {
  it('approves a booking request', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/admin/reservations');
    await expect.poll(() => heading(page)).toBe('Tilavarausten käsittely');
    const approve = page.getByRole('button', { name: /^Hyväksy varaus: Nuorisotalon bändikämppä/ });
    await approve.waitFor();
    await expectNoAxeViolations(page, 'reservation requests (desktop)');
    await approve.click();
    await expect.poll(() => approve.count()).toBe(0);
    await context.close();
  });
});

describe('utilisation report and calendar', () => {
  it('shows facility staff the utilisation with a heatmap table and a CSV link', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/admin/utilisation');
    await page.getByRole('button', { name: 'Näytä raportti' }).click();
    await page.getByRole('table', { name: /^Tilojen käyttöaste/ }).waitFor();
    await page
      .getByRole('table', { name: /^Käyttöaste viikonpäivän ja kellonajan mukaan/ })
      .waitFor();
    const csv = page.getByRole('link', { name: 'Lataa CSV' });
    expect(await csv.getAttribute('href')).toMatch(
      /\/api\/tyrskyla\/admin\/reports\/utilisation\.csv\?from=/,
    );
    await expectNoAxeViolations(page, 'utilisation report (phone)');
    await context.close();
  });

  it('gives a booker an .ics file and a private calendar feed', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'asukas@tyrskyla.example', '/tyrskyla/bookings/mine');
    const ics = page.getByRole('link', { name: /^Lisää kalenteriin \(\.ics\): Rantasauna/ });
    await ics.first().waitFor();
    const file = await context.request.get(String(await ics.first().getAttribute('href')));
    expect(file.headers()['content-type']).toContain('text/calendar');
    await page.getByRole('button', { name: 'Luo kalenterisyötteen osoite' }).click();
    const address = page.getByLabel('Kalenterisyötteen osoite');
    await expect.poll(() => address.inputValue()).toMatch(/^webcal:\/\/.+\.ics$/);
    const feed = await context.request.get(
      (await address.inputValue()).replace(/^webcal:/, 'http:'),
    );
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await expectNoAxeViolations(page, 'my bookings with a calendar feed');
    await context.close();
  });
});
