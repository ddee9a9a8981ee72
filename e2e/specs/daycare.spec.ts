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

const GUARDIAN = 'huoltaja@tyrskyla.example';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** The Suomi.fi checkboxes and radio buttons are operated through their labels. */
const tick = (page: Page, label: string) =>
  page.locator('label').filter({ hasText: label }).first().click();

/** Helsinki calendar days (the tests run with TZ=Europe/Helsinki). */
const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const fiDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${d}.${m}.${y}`;
};
function daysFromToday(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return iso(d);
}
/** The first Monday at least `days` days ahead. */
function mondayAfter(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  while (d.getDay() !== 1) d.setDate(d.getDate() + 1);
  return iso(d);
}
const WEEKDAYS_FI = ['Su', 'Ma', 'Ti', 'Ke', 'To', 'Pe', 'La'];
/** "Ma 14.12." as the page writes a day in Finnish. */
const fiDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS_FI[new Date(y, m - 1, d).getDay()]} ${d}.${m}.`;
};
const plus = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() + days);
  return iso(d);
};

describe('daycare for guardians', () => {
  it('reports two children absent for a week and cancels one of them (phone, Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, GUARDIAN, '/tyrskyla/daycare');
    await expect.poll(() => heading(page)).toBe('Varhaiskasvatus');
    const children = page.locator('.daycare-children');
    await children.getByText('Päiväkoti Majakka, Meritähdet (esiopetus)').waitFor();
    expect(await children.innerText()).toMatch(/Aino Virtanen\s+Päiväkoti Aallokko, Kotilot/);
    await expectNoAxeViolations(page, 'daycare page (phone)');

    // Nobody chosen: the form says so at the children.
    await page.getByRole('button', { name: 'Ilmoita poissaolo' }).click();
    await page.getByText('Valitse ainakin yksi lapsi.').waitFor();
    await expectNoAxeViolations(page, 'absence form with an error (phone)');

    const monday = mondayAfter(14);
    const friday = plus(monday, 4);
    await tick(page, 'Aino Virtanen');
    await tick(page, 'Eino Virtanen');
    await tick(page, 'Muu päivä tai useampi päivä');
    await page.getByLabel('Ensimmäinen päivä').fill(fiDate(monday));
    await page.getByLabel('Viimeinen päivä').fill(fiDate(plus(monday, 6)));
    await tick(page, 'Loma');
    await page.getByLabel('Lisätieto ryhmälle').fill('Mummolassa Oulussa');
    await page.getByRole('button', { name: 'Ilmoita poissaolo' }).click();
    const week = `${fiDay(monday)}–${fiDay(plus(monday, 6))}`;
    await page.getByText(`Poissaolo ilmoitettu: Aino, Eino, ${week}.`).waitFor();

    // One entry per child: the open days only (Monday to Friday), the reason and the note.
    const entries = page.locator('.absence-entry');
    const workWeek = `${fiDay(monday)}–${fiDay(friday)}`;
    const aino = entries.filter({ hasText: 'Aino Virtanen' }).filter({ hasText: workWeek });
    expect(await aino.innerText()).toMatch(/5 hoitopäivää\)\s+Loma – Mummolassa Oulussa/);
    await expectNoAxeViolations(page, 'reported absences (phone)');

    await page.getByRole('button', { name: `Peru poissaolo: Eino Virtanen, ${workWeek}` }).click();
    await page.getByText(`Poissaolo peruttu: Eino Virtanen, ${workWeek}.`).waitFor();
    await expect
      .poll(() =>
        entries.filter({ hasText: 'Eino Virtanen' }).filter({ hasText: workWeek }).count(),
      )
      .toBe(0);
    expect(await aino.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("tells in Swedish that today's absence is past the cut-off, and takes tomorrow's (phone)", async () => {
    const admin = await ApiSession.login('admin@tyrskyla.example');
    // The cut-off at midnight: whenever the test runs, today can no longer be reported.
    await admin.put('admin/daycare/settings', { absenceCutoff: '00:00' });
    const context = await newContext(browser, 'phone', 'sv-FI');
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signIn(context, GUARDIAN, 'sv');
      await page.goto('/tyrskyla/daycare');
      await expect.poll(() => heading(page)).toBe('Småbarnspedagogik');
      await tick(page, 'Aino Virtanen');
      await tick(page, 'En annan dag eller flera dagar');
      await page.getByLabel('Första dagen').fill(fiDate(daysFromToday(0)));
      await tick(page, 'Annan orsak');
      await page.getByRole('button', { name: 'Anmäl frånvaro' }).click();
      await page.getByText(/Dagens frånvaro kan anmälas till kl\. 0\.00\./).waitFor();
      await expectNoAxeViolations(page, 'absence past the cut-off, Swedish (phone)');

      // The first choice is the next day the unit is open: reported at once.
      await page.locator('input[name="when"]').first().click({ force: true });
      await page.getByRole('button', { name: 'Anmäl frånvaro' }).click();
      await page.getByText(/^Frånvaron har anmälts: Aino, /).waitFor();
      const entry = page.locator('.absence-entry').filter({ hasText: 'Annan orsak' }).first();
      await entry.getByRole('button', { name: /^Återkalla frånvaron: Aino Virtanen/ }).waitFor();
      await expectNoAxeViolations(page, 'reported absence, Swedish (phone)');
      // The refused report is the only failed request.
      expect(errors).toEqual([
        'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
      ]);
    } finally {
      await admin.put('admin/daycare/settings', { absenceCutoff: '09:00' });
      const guardian = await ApiSession.login(GUARDIAN);
      await guardian.put('session/language', { language: 'fi' });
      await context.close();
    }
  });
});

describe("the staff's day view", () => {
  it("shows the group's day with the absent, their reasons and what is coming (phone, Swedish)", async () => {
    const guardian = await ApiSession.login(GUARDIAN);
    const family = (await guardian.get('daycare/children')) as {
      children: { id: string; firstName: string }[];
    };
    const aino = family.children.find((c) => c.firstName === 'Aino')!.id;
    const day = mondayAfter(21);
    await guardian.post('daycare/absences', {
      childIds: [aino],
      startDate: day,
      endDate: day,
      category: 'sick',
      note: 'Feber',
    });
    await guardian.post('daycare/absences', {
      childIds: [aino],
      startDate: plus(day, 2),
      endDate: plus(day, 3),
      category: 'holiday',
      note: '',
    });

    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(context, 'aallokko@tyrskyla.example');
    await page.goto(`/tyrskyla/daycare/staff?date=${day}`);
    await expect.poll(() => heading(page)).toBe('Gruppens dag');
    const [, m, d] = day.split('-').map(Number);
    await page.getByRole('heading', { name: `Mån ${d}.${m}.${day.slice(0, 4)}` }).waitFor();
    await page.getByRole('heading', { name: 'Frånvarande (1)' }).waitFor();
    const summary = await page.locator('.day-summary').innerText();
    expect(summary).toMatch(/Barn\s+10\s+Närvarande\s+9\s+Frånvarande\s+1/);
    const absent = page.locator('.day-child--absent');
    expect(await absent.innerText()).toMatch(
      /Aino Virtanen\s+Sjukdom – Feber\s+Anmäld av Hanna Huoltaja/,
    );
    const coming = await page.locator('.group-day section').last().innerText();
    expect(coming).toContain('Aino Virtanen');
    expect(coming).toMatch(/Ons \d+\.\d+\.–Tors \d+\.\d+\.: Semester/);
    await expectNoAxeViolations(page, "group's day, Swedish (phone)");

    // The next day: Aino is present again.
    await page.getByRole('button', { name: 'Nästa dag' }).click();
    await page.getByRole('heading', { name: 'Frånvarande (0)' }).waitFor();
    expect(page.url()).toContain(`date=${plus(day, 1)}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a Finnish day view on a desktop, and the administration of the units', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'majakka@tyrskyla.example', '/tyrskyla/daycare/staff');
    await expect.poll(() => heading(page)).toBe('Ryhmän päivä');
    await page.getByText('Päiväkoti Majakka: Meritähdet (esiopetus)').first().waitFor();
    await page.getByRole('heading', { name: /^Tulevat poissaolot/ }).waitFor();
    await expectNoAxeViolations(page, "group's day (desktop)");
    await context.close();

    const adminContext = await newContext(browser, 'desktop');
    const adminPage = await adminContext.newPage();
    await loginAs(adminPage, 'admin@tyrskyla.example', '/tyrskyla/admin/daycare');
    await expect.poll(() => heading(adminPage)).toBe('Varhaiskasvatuksen hallinta');
    await adminPage.getByRole('table', { name: 'Ryhmät: Päiväkoti Majakka' }).waitFor();
    await expectNoAxeViolations(adminPage, 'daycare administration');
    await adminPage
      .getByRole('link', { name: 'Ryhmät, sijoitukset ja henkilökunta: Päiväkoti Majakka' })
      .click();
    await expect.poll(() => heading(adminPage)).toBe('Päiväkoti Majakka');
    await adminPage.getByText('Veera Varhaiskasvattaja').waitFor();
    await expectNoAxeViolations(adminPage, 'daycare unit administration');
    expect(errors).toEqual([]);
    await adminContext.close();
  });
});
