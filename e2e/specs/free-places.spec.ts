import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
  signIn,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const RESIDENT = 'asukas@tyrskyla.example';
const STAFF = 'majakka@tyrskyla.example';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const tick = (page: Page, label: string) =>
  page.locator('label').filter({ hasText: label }).first().click();
const unread = (label: string | null) => Number(/(\d+)/.exec(label ?? '')?.[1] ?? 0);
const fiDate = (daysAhead: number) => {
  const d = new Date();
  d.setDate(d.getDate() + daysAhead);
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
};

describe('free-place alerts', () => {
  it('a resident subscribes on a phone, staff record places, the bell tells, the link stops it', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, RESIDENT, '/tyrskyla/daycare/free-places');
    await expect.poll(() => heading(page)).toBe('Vapaat päiväkotipaikat');
    // The demo's free places of Aallokko are on the public list.
    await page.getByText('2 paikkaa').first().waitFor();
    await expectNoAxeViolations(page, 'free places (phone, fi)');

    await page
      .getByRole('button', { name: /Päiväkoti/ })
      .first()
      .click();
    await page.getByRole('option', { name: 'Päiväkoti Majakka' }).click();
    await tick(page, 'Esiopetus');
    await page.getByRole('button', { name: 'Tilaa ilmoitukset' }).click();
    await page.getByText('Tilaus tehty: Päiväkoti Majakka, Esiopetus.').waitFor();
    const mine = page.locator('.free-places__subscriptions');
    await expect.poll(() => mine.innerText()).toContain('Päiväkoti Majakka, Esiopetus');
    await expectNoAxeViolations(page, 'free places subscribed (phone, fi)');

    const bell = page.getByRole('link', { name: /^Ilmoitukset, \d+ lukemato/ });
    const api = await ApiSession.login(RESIDENT);
    const before = ((await api.get('notifications')) as { unreadCount: number }).unreadCount;
    await expect.poll(async () => unread(await bell.getAttribute('aria-label'))).toBe(before);

    // Majakka's staff record free pre-school places on their own screen.
    const staffContext = await newContext(browser, 'desktop');
    await signIn(staffContext, STAFF, 'fi');
    const staffPage = await staffContext.newPage();
    const staffErrors = collectPageErrors(staffPage);
    await staffPage.goto('/tyrskyla/daycare/free-places/manage');
    await expect.poll(() => heading(staffPage)).toBe('Ilmoita vapaat paikat');
    await tick(staffPage, 'Esiopetus');
    await staffPage.getByLabel('Vapaana alkaen').fill(fiDate(10));
    await staffPage.getByLabel('Paikkojen määrä').fill('3');
    const note = `E2E ${Date.now()}`;
    await staffPage.getByLabel(/Lisätieto/).fill(note);
    await staffPage.getByRole('button', { name: 'Ilmoita vapaat paikat' }).click();
    await staffPage.getByText(/Vapaat paikat kirjattu\. Ilmoitus lähti \d+ tilaajalle\./).waitFor();
    await staffPage.getByText(note).first().waitFor();
    await expectNoAxeViolations(staffPage, 'record free places (desktop, fi)');

    // The resident's bell counts the alert without a reload.
    await expect
      .poll(async () => unread(await bell.getAttribute('aria-label')), { timeout: 15_000 })
      .toBe(before + 1);
    await bell.click();
    const notice = page
      .locator('li')
      .filter({ hasText: 'Vapaita paikkoja: Päiväkoti Majakka, esiopetus' })
      .filter({ hasText: note })
      .first();
    await notice.waitFor();
    const href = await notice.getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/^\/tyrskyla\/daycare\/free-places\/stop\/[A-Za-z0-9_-]{43}$/);

    // The link opened where there is no login (an email read on another device), in Swedish:
    // opening it stops the alerts, and the page can take that back.
    const mailContext = await newContext(browser, 'phone', 'sv-SE');
    const mailPage = await mailContext.newPage();
    const mailErrors = collectPageErrors(mailPage);
    await mailPage.goto(href!);
    await mailPage
      .getByText(
        'Du får inte längre meddelanden om lediga platser: Päiväkoti Majakka, Förskoleundervisning.',
      )
      .waitFor();
    await expectNoAxeViolations(mailPage, 'stop page (phone, sv)');
    await mailPage.getByRole('button', { name: 'Jag vill ändå ha meddelandena' }).click();
    await mailPage
      .getByText('Meddelandena fortsätter: Päiväkoti Majakka, Förskoleundervisning.')
      .waitFor();

    // The resident opens the notice's link: one click, and the subscription is gone.
    await notice.getByRole('link').first().click();
    await page
      .getByText('Et saa enää ilmoituksia vapaista paikoista: Päiväkoti Majakka, Esiopetus.')
      .waitFor();
    await expectNoAxeViolations(page, 'stop page (phone, fi)');
    await page.getByRole('link', { name: 'Katso päiväkotien vapaat paikat' }).click();
    await expect.poll(() => heading(page)).toBe('Vapaat päiväkotipaikat');
    await page.getByText(note).first().waitFor();
    await expect.poll(() => mine.innerText()).not.toContain('Päiväkoti Majakka, Esiopetus');

    // The places are taken: the staff end the record, and it leaves the public list.
    await staffPage
      .locator('li')
      .filter({ hasText: note })
      .getByRole('button', { name: /^Päätä:/ })
      .click();
    await staffPage.getByText(/^Päätetty: Esiopetus: 3 paikkaa/).waitFor();
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Vapaat päiväkotipaikat');
    await page.getByText('Päiväkoti Majakka').first().waitFor();
    await expect.poll(() => page.getByText(note).count()).toBe(0);

    // A made-up token changes nothing and says so.
    await mailPage.goto(`/tyrskyla/daycare/free-places/stop/${'x'.repeat(43)}`);
    await mailPage.getByText(/Länken är inte giltig/).waitFor();

    expect([...errors, ...staffErrors, ...mailErrors]).toEqual([]);
    await Promise.all([context.close(), staffContext.close(), mailContext.close()]);
  });

  it('shows the staff page and the public list in Swedish on a phone, axe clean', async () => {
    const context = await newContext(browser, 'phone', 'sv-SE');
    await signIn(context, 'aallokko@tyrskyla.example', 'sv');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/tyrskyla/daycare/free-places/manage');
    await expect.poll(() => heading(page)).toBe('Anmäl lediga platser');
    await page.getByRole('heading', { name: 'Päiväkoti Aallokko' }).waitFor();
    await page.getByText('3–5 år: 2 platser från', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'record free places (phone, sv)');
    // Bad input: told in Swedish, nothing recorded.
    await page.getByLabel('Antal platser').fill('0');
    await page.getByRole('button', { name: 'Anmäl lediga platser' }).click();
    await page.getByText('Ange ett tal 1–200.').waitFor();
    await page.getByText('Obligatorisk uppgift').waitFor();

    await page.goto('/tyrskyla/daycare/free-places');
    await expect.poll(() => heading(page)).toBe('Lediga daghemsplatser');
    await page.getByText('Dina prenumerationer').waitFor();
    await expectNoAxeViolations(page, 'free places (phone, sv)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
