import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
  signIn,
} from '../support/browser.js';
import { ApiSession } from '../support/api.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const GUARDIAN = 'huoltaja@tyrskyla.example';
/** The server may be slow on a busy machine: polls wait as long as the other steps. */
const WAIT = { timeout: 10_000 };
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const tick = (scope: Page | ReturnType<Page['locator']>, label: string | RegExp) =>
  scope.locator('label').filter({ hasText: label }).first().click();
/** Screenshots for looking at the pages: SHOTS=/some/dir. */
const shot = async (page: Page, name: string) => {
  if (process.env.SHOTS)
    await page.screenshot({ path: `${process.env.SHOTS}/${name}.png`, fullPage: true });
};

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const fiDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${d}.${m}.${y}`;
};
/** The first `weekday` (0 = Sunday) at least `days` days ahead. */
function weekdayAfter(days: number, weekday: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  while (d.getDay() !== weekday) d.setDate(d.getDate() + 1);
  return iso(d);
}

/**
 * Staff publish a survey through the form: the group, its title, the deadline and a day's
 * slots from–to in 45-minute times; the page of the new survey opens.
 */
async function publishSurvey(
  page: Page,
  texts: Record<
    'group' | 'title' | 'deadline' | 'day' | 'from' | 'to' | 'place' | 'submit',
    string
  >,
  values: { group: string; title: string; deadline: string; day: string; place: string },
) {
  await page.getByRole('button', { name: texts.group }).click();
  await page.getByRole('option', { name: values.group }).click();
  await page.getByLabel(texts.title).fill(values.title);
  await page.getByLabel(texts.deadline).fill(fiDate(values.deadline));
  await page.getByLabel(texts.day, { exact: true }).fill(fiDate(values.day));
  await page.getByLabel(texts.from).fill('13.00');
  await page.getByLabel(texts.to).fill('15.00');
  await page.getByLabel(texts.place).fill(values.place);
  await page.getByRole('button', { name: texts.submit }).click();
  await expect.poll(() => heading(page), WAIT).toBe(values.title);
}

async function bookFirstTime(page: Page, title: string, book: string) {
  const section = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: title }) });
  await tick(section, /13\.00–13\.45/);
  await section.getByRole('button', { name: book }).click();
}

async function feedAddress(page: Page, create: string, address: string) {
  await page.getByRole('button', { name: create }).click();
  const field = page.getByLabel(address);
  await expect
    .poll(() => field.inputValue())
    .toMatch(/^webcal:\/\/.+\/api\/tyrskyla\/calendar-feeds\/[\w-]+\.ics$/);
}

describe('discussion times', () => {
  it('staff publish a survey; a guardian books a time on a phone and sees it in the calendar (Finnish)', async () => {
    const title = `VASU-keskustelut ${Date.now() % 100000}`;
    const day = weekdayAfter(28, 2);
    const staffContext = await newContext(browser, 'desktop');
    const staff = await staffContext.newPage();
    const staffErrors = collectPageErrors(staff);
    await loginAs(staff, 'varhaiskasvatus@tyrskyla.example', '/tyrskyla/daycare/staff/discussions');
    await expect.poll(() => heading(staff), WAIT).toBe('Keskusteluajat');
    await staff.getByRole('heading', { name: 'Uusi keskustelukysely' }).waitFor();
    await expectNoAxeViolations(staff, 'staff discussions page');
    // Sent empty: the form says what is missing.
    await staff.getByRole('button', { name: 'Julkaise ja kerro huoltajille' }).click();
    await staff.getByText('Pakollinen tieto').first().waitFor();
    await expectNoAxeViolations(staff, 'new survey form with errors');
    await publishSurvey(
      staff,
      {
        group: 'Ryhmä',
        title: 'Otsikko',
        deadline: 'Varausten viimeinen päivä',
        day: 'Päivä',
        from: 'Alkaen',
        to: 'Päättyen',
        place: 'Paikka',
        submit: 'Julkaise ja kerro huoltajille',
      },
      {
        group: 'Päiväkoti Majakka: Meritähdet (esiopetus)',
        title,
        deadline: weekdayAfter(21, 1),
        day,
        place: 'Neuvotteluhuone Simpukka',
      },
    );
    await staff.getByRole('heading', { name: 'Ajat: 0/2 varattu' }).waitFor();
    await staff.getByRole('heading', { name: /^Ei vielä varannut \(\d+\)$/ }).waitFor();
    await shot(staff, 'staff-survey-fi');
    await expectNoAxeViolations(staff, 'staff survey page');

    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, GUARDIAN, '/tyrskyla/daycare');
    await page.getByRole('link', { name: 'Keskusteluajat' }).click();
    await expect.poll(() => heading(page), WAIT).toBe('Keskusteluajat');
    await page.getByRole('heading', { name: title }).waitFor();
    await expectNoAxeViolations(page, 'guardian discussions (phone)');
    await bookFirstTime(page, title, 'Varaa aika');
    await page.getByText(/^Aika varattu: Eino, .+ klo 13\.00–13\.45\.$/).waitFor();
    await page.getByRole('button', { name: 'Peru lapsen Eino aika' }).first().waitFor();
    await shot(page, 'guardian-discussions-fi');
    await expectNoAxeViolations(page, 'guardian booked a time (phone)');

    await page.getByRole('link', { name: 'Kalenteri' }).click();
    await expect.poll(() => heading(page), WAIT).toBe('Kalenteri');
    const entry = page.locator('.agenda-entry').filter({ hasText: title });
    expect(await entry.innerText()).toMatch(
      /Keskusteluaika[\s\S]*13\.00–13\.45[\s\S]*Eino[\s\S]*Neuvotteluhuone Simpukka/,
    );
    await feedAddress(page, 'Luo kalenterisyötteen osoite', 'Kalenterisyötteen osoite (webcal)');
    await shot(page, 'guardian-calendar-fi');
    await expectNoAxeViolations(page, 'guardian calendar (phone)');

    // The staff see who booked.
    await staff.reload();
    await staff.getByRole('heading', { name: 'Ajat: 1/2 varattu' }).waitFor();
    await staff.getByText('Varattu: Eino Virtanen').waitFor();
    // The free time can be changed (the booked one only cancelled).
    expect(await staff.getByRole('button', { name: /^Muokkaa aikaa / }).count()).toBe(1);
    await staff.getByRole('button', { name: /^Muokkaa aikaa / }).click();
    await staff
      .locator('.slot-edit')
      .getByLabel('Paikka')
      .fill('Videopuhelu, linkki sähköpostissa');
    await expectNoAxeViolations(staff, 'editing a slot');
    await staff.getByRole('button', { name: 'Tallenna' }).click();
    await staff.getByText('Aika muutettiin.').waitFor();
    await staff.getByText(/Veera Varhaiskasvattaja, Videopuhelu, linkki sähköpostissa/).waitFor();
    expect(errors).toEqual([]);
    expect(staffErrors).toEqual([]);
    await context.close();
    await staffContext.close();
  });

  it('staff publish in Swedish; a guardian books for Aino on a phone and sees it in the calendar (Swedish)', async () => {
    const title = `Samtal ${Date.now() % 100000}`;
    const day = weekdayAfter(28, 3);
    let staffContext: BrowserContext | null = null;
    let context: BrowserContext | null = null;
    try {
      staffContext = await newContext(browser, 'phone', 'sv-FI');
      const staff = await staffContext.newPage();
      const staffErrors = collectPageErrors(staff);
      await signIn(staffContext, 'aallokko@tyrskyla.example', 'sv');
      await staff.goto('/tyrskyla/daycare/staff');
      await staff.getByRole('link', { name: 'Samtalstider' }).click();
      await expect.poll(() => heading(staff), WAIT).toBe('Samtalstider');
      await staff.getByRole('heading', { name: 'Ny samtalsförfrågan' }).waitFor();
      await expectNoAxeViolations(staff, 'staff discussions, Swedish (phone)');
      await publishSurvey(
        staff,
        {
          group: 'Grupp',
          title: 'Rubrik',
          deadline: 'Sista dag för bokningar',
          day: 'Dag',
          from: 'Från',
          to: 'Till',
          place: 'Plats',
          submit: 'Publicera och meddela vårdnadshavarna',
        },
        {
          group: 'Päiväkoti Aallokko: Kotilot (iltapäiväkerho)',
          title,
          deadline: weekdayAfter(21, 1),
          day,
          place: 'Videosamtal',
        },
      );
      await staff.getByRole('heading', { name: 'Tider: 0/2 bokade' }).waitFor();
      await shot(staff, 'staff-survey-sv');
      await expectNoAxeViolations(staff, 'staff survey, Swedish (phone)');

      context = await newContext(browser, 'phone', 'sv-FI');
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signIn(context, GUARDIAN, 'sv');
      await page.goto('/tyrskyla/daycare/discussions');
      await expect.poll(() => heading(page), WAIT).toBe('Samtalstider');
      await page.getByRole('heading', { name: title }).waitFor();
      await expectNoAxeViolations(page, 'guardian discussions, Swedish (phone)');
      await bookFirstTime(page, title, 'Boka tiden');
      await page.getByText(/^Tiden är bokad: Aino, .+ kl\. 13\.00–13\.45\.$/).waitFor();
      await shot(page, 'guardian-discussions-sv');
      await expectNoAxeViolations(page, 'guardian booked a time, Swedish (phone)');

      await page.getByRole('link', { name: 'Kalender' }).click();
      await expect.poll(() => heading(page), WAIT).toBe('Kalender');
      const entry = page.locator('.agenda-entry').filter({ hasText: title });
      expect(await entry.innerText()).toMatch(
        /Samtalstid[\s\S]*13\.00–13\.45[\s\S]*Aino[\s\S]*Videosamtal/,
      );
      // The demo's events of Eino's unit are there too.
      await page.getByText('Metsäretki Majakkasaareen').waitFor();
      await feedAddress(
        page,
        'Skapa en adress för kalenderflödet',
        'Kalenderflödets adress (webcal)',
      );
      await shot(page, 'guardian-calendar-sv');
      await expectNoAxeViolations(page, 'guardian calendar, Swedish (phone)');
      expect(errors).toEqual([]);
      expect(staffErrors).toEqual([]);
    } finally {
      for (const email of [GUARDIAN, 'aallokko@tyrskyla.example']) {
        const session = await ApiSession.login(email);
        await session.put('session/language', { language: email === GUARDIAN ? 'fi' : 'sv' });
      }
      await context?.close();
      await staffContext?.close();
    }
  });
});
