import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
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
const STAFF = 'tilat@tyrskyla.example';
const DAY = 24 * 60 * 60 * 1000;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** The Suomi.fi checkboxes and radio buttons are operated through their labels. */
const tick = (page: Page, label: string) =>
  page.locator('label').filter({ hasText: label }).first().click();
const focusedClass = (page: Page) =>
  page.evaluate('document.activeElement?.className ?? ""') as Promise<string>;
const hasFocus = (locator: Locator) =>
  locator.evaluate((el) => el === el.ownerDocument.activeElement);
/** The waiting room's polite live region. */
const live = (page: Page) => page.locator('.waiting-room > p[role="status"]');

/** d.m.yyyy of the day `years` years and `days` days before today (local time). */
function birthDate(years: number, days: number) {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - days);
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
}

/** A course for the tests, created by facility staff through the API. */
async function createCourse(staff: ApiSession, name: string, fields: Record<string, unknown>) {
  const now = Date.now();
  return (await staff.post('admin/courses', {
    name: { fi: name, sv: `${name} (sv)`, en: `${name} (en)` },
    description: { fi: 'Kurssi selaintestille.', sv: 'Kurs för webbläsartest.', en: 'Test.' },
    location: 'Tyrskylän uimahalli, Uimarinkatu 2',
    ageMin: 5,
    ageMax: 7,
    seats: 10,
    priceProductId: null,
    registrationOpensAt: new Date(now - 60_000).toISOString(),
    registrationClosesAt: new Date(now + 10 * DAY).toISOString(),
    registrationMode: 'first_come',
    admitPerMinute: 1000,
    admissionMinutes: 15,
    holdMinutes: 15,
    waitlist: true,
    offerHours: 48,
    cancelFreeHours: 24,
    sessions: [14, 21, 28].map((d) => ({
      start: new Date(now + d * DAY).toISOString(),
      end: new Date(now + d * DAY + 45 * 60_000).toISOString(),
    })),
    ...fields,
  })) as { id: string; registrationOpensAt: string };
}

describe('registering children for a course', () => {
  it('registers Eino and a newly added child, pays in the cart and sees them paid (phone)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, GUARDIAN, '/tyrskyla/courses');
    await expect.poll(() => heading(page)).toBe('Kurssit');
    await page.getByLabel('Hakusana').fill('uimakoulu');
    await page.getByLabel('Lapsen ikä vuosina').fill('6');
    await page.getByRole('button', { name: 'Hae kursseja' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Löytyi' }).textContent())
      .toBe('Löytyi 1 kurssi.');
    const card = page.locator('li.course-card');
    expect(await card.innerText()).toMatch(
      /5–7-vuotiaille[\s\S]*10 kertaa tiistaisin klo 17\.00–17\.45[\s\S]*12\/12 vapaana[\s\S]*65,00\s€ \/ lapsi[\s\S]*Ilmoittautuminen auki[\s\S]*Saapumisjärjestys/,
    );
    await expectNoAxeViolations(page, 'course search (phone)');

    await page.getByRole('link', { name: 'Lasten uimakoulu, alkeet' }).click();
    await expect.poll(() => heading(page)).toBe('Lasten uimakoulu, alkeet');
    const schedule = page.getByRole('heading', { name: 'Kokoontumiset (10 kertaa)' });
    await schedule.waitFor();
    expect(await page.locator('ol.session-list li').count()).toBe(10);
    expect(await page.locator('ol.session-list li').first().innerText()).toMatch(
      /^Ti \d{1,2}\.\d{1,2}\.\d{4} klo 17\.00–17\.45$/,
    );
    const children = page.getByRole('group', { name: 'Ketkä lapset ilmoitat?' });
    await children.waitFor();
    expect(await children.innerText()).toMatch(/Aino Virtanen, 9 v\s+Ei ole kurssin ikärajoissa/);
    await expectNoAxeViolations(page, 'course page with the registration form (phone)');

    // Aino is too old: the whole registration is refused with the API's translated reason.
    await tick(page, 'Aino Virtanen, 9 v');
    await tick(page, 'Eino Virtanen, 6 v');
    await page.getByRole('button', { name: 'Ilmoittaudu' }).click();
    await expect
      .poll(() => page.getByText('Aino ei ole kurssin ikärajoissa (5–7 v).').isVisible())
      .toBe(true);
    expect(await focusedClass(page)).toContain('registration-form__result');
    await expectNoAxeViolations(page, 'registration refused by the age limit (phone)');
    await tick(page, 'Aino Virtanen, 9 v');

    // A child not yet on the list is added inline, and comes chosen.
    await page.getByRole('button', { name: 'Lisää lapsi' }).click();
    await page.getByLabel('Etunimi').fill('Ella');
    await page.getByLabel('Sukunimi').fill('Virtanen');
    await page.getByLabel('Syntymäaika').fill(birthDate(6, 20));
    await expectNoAxeViolations(page, 'adding a child inline (phone)');
    await page.getByRole('button', { name: 'Lisää lapsi' }).click();
    await expect
      .poll(() => page.getByText('Lapsi lisätty ja valittu: Ella Virtanen.').isVisible())
      .toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Ella Virtanen, 6 v' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Eino Virtanen, 6 v' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Ilmoittaudu' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Ilmoittautuminen kurssille' });
    await result.waitFor();
    await expect
      .poll(() => result.innerText())
      .toMatch(/Eino: paikka on varattu sinulle (?:\S+ \d{1,2}\.\d{1,2}\. )?klo/);
    expect(await result.innerText()).toMatch(
      /Ella: paikka on varattu sinulle (?:\S+ \d{1,2}\.\d{1,2}\. )?klo/,
    );
    expect(await focusedClass(page)).toContain('registration-form__result');
    expect(await page.locator('.registered-children').innerText()).toMatch(
      /Jo ilmoitettu tälle kurssille:\s+Eino Virtanen – Odottaa maksua\s+Ella Virtanen – Odottaa maksua/,
    );
    expect(await page.getByRole('checkbox', { name: /Eino/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'registration result with seats held (phone)');

    await page.getByRole('link', { name: /^Siirry ostoskoriin ja maksa 15 minuutin/ }).click();
    await page.waitForURL('**/tyrskyla/shop/cart');
    const eino = 'Lasten uimakoulu, alkeet: Eino Virtanen';
    const line = page.locator('li.order-line').filter({ hasText: eino });
    await line.waitFor();
    await expect
      .poll(() => line.innerText())
      .toMatch(/Paikka on varattu sinulle (?:\S+ \d{1,2}\.\d{1,2}\. )?klo .* asti/);
    expect(
      await page
        .getByRole('button', { name: `Poista ostoskorista ja peru ilmoittautuminen: ${eino}` })
        .count(),
    ).toBe(1);
    expect(await page.locator('.order-totals__total').innerText()).toMatch(/130,00\s€/);
    await expectNoAxeViolations(page, 'cart with course seats (phone)');

    await page.getByRole('button', { name: 'Siirry maksamaan' }).click();
    await page.getByRole('heading', { name: 'Testimaksu' }).waitFor();
    await page.getByRole('link', { name: 'Maksa' }).click();
    await page.waitForURL('**/tyrskyla/orders/**');
    await expect
      .poll(() => page.getByText('Maksetut kurssipaikat on vahvistettu.').isVisible())
      .toBe(true);
    await expectNoAxeViolations(page, 'paid order with course seats (phone)');

    await page.getByRole('link', { name: 'Katso omat ilmoittautumiset' }).click();
    await expect.poll(() => heading(page)).toBe('Omat ilmoittautumiset');
    const cancel = page.getByRole('button', { name: `Peru ilmoittautuminen: ${eino}` });
    await cancel.waitFor();
    const item = page.locator('li.registration').filter({ has: cancel });
    const facts = await item.innerText();
    expect(facts).toMatch(/Vahvistettu/);
    expect(facts).toMatch(/Hinta\s+65,00\s€/);
    expect(facts).toMatch(/Maksu\s+Maksettu/);
    expect(facts).toMatch(/Maksuton peruutus\s+.* asti/);
    await expectNoAxeViolations(page, 'my registrations, paid (phone)');

    // Cancelling weeks ahead gives the whole fee back; the rule is said before confirming.
    await cancel.click();
    await expect
      .poll(() => page.getByText(/Saat maksamasi 65,00\s€ takaisin/).isVisible())
      .toBe(true);
    expect(await focusedClass(page)).toContain('confirm-box');
    await expectNoAxeViolations(page, 'cancelling a paid registration (phone)');
    await page.getByRole('button', { name: 'Älä peru' }).click();
    await expect.poll(() => hasFocus(cancel)).toBe(true);
    // The one failed request is the refused registration (age limit) above.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('the waitlist', () => {
  it('puts the second child on the waitlist, offers the freed seat and accepts it (desktop)', async () => {
    const staff = await ApiSession.login(STAFF);
    const course = await createCourse(staff, 'Pienryhmä', { seats: 1, ageMin: 5, ageMax: 10 });
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, GUARDIAN, `/tyrskyla/courses/${course.id}`);
    await expect.poll(() => heading(page)).toBe('Pienryhmä');
    await tick(page, 'Aino Virtanen, 9 v');
    await tick(page, 'Eino Virtanen, 6 v');
    await page.getByRole('button', { name: 'Ilmoittaudu' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Ilmoittautuminen kurssille' });
    await result.waitFor();
    // The API seats the children oldest first: Aino gets the one seat.
    expect(await result.innerText()).toMatch(/Aino: paikka on vahvistettu\./);
    expect(await result.innerText()).toMatch(
      /Eino: kurssi on täynnä, lapsi on jonossa sijalla 1\./,
    );
    await expectNoAxeViolations(page, 'registration result with a waitlist place');

    await page.getByRole('link', { name: 'Katso omat ilmoittautumiset' }).click();
    await expect.poll(() => heading(page)).toBe('Omat ilmoittautumiset');
    const einoItem = page.locator('li.registration').filter({ hasText: 'Pienryhmä: Eino' });
    await expect.poll(() => einoItem.innerText()).toMatch(/Jonossa\s[\s\S]*Jonossa sijalla 1/);
    await page
      .getByRole('button', { name: 'Peru ilmoittautuminen: Pienryhmä: Aino Virtanen' })
      .click();
    expect(await page.getByText('Lapsen paikka vapautuu muille.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Kyllä, peru ilmoittautuminen' }).click();
    await expect
      .poll(() =>
        page.getByText('Ilmoittautuminen peruttiin: Pienryhmä: Aino Virtanen.').isVisible(),
      )
      .toBe(true);
    expect(await focusedClass(page)).toContain('notice-focus');

    // The freed seat is offered to Eino, with a deadline.
    await expect
      .poll(() => einoItem.innerText())
      .toMatch(/Paikka tarjolla[\s\S]*Paikka vapautui! Ota se vastaan viimeistään/);
    await expectNoAxeViolations(page, 'my registrations with an offered seat');
    await page
      .getByRole('button', { name: 'Ota paikka vastaan: Pienryhmä: Eino Virtanen' })
      .click();
    await expect
      .poll(() => page.getByText('Paikka on vahvistettu: Pienryhmä: Eino Virtanen.').isVisible())
      .toBe(true);
    await expect.poll(() => einoItem.innerText()).toMatch(/Vahvistettu/);
    await expectNoAxeViolations(page, 'my registrations after accepting an offer');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('registration in fair-queue mode', () => {
  it('enters the waiting room before the opening, gets a place at the draw, is admitted and registers (phone)', async () => {
    const staff = await ApiSession.login(STAFF);
    const course = await createCourse(staff, 'Reilun jonon vesileikit', {
      registrationMode: 'fair_queue',
      registrationOpensAt: new Date(Date.now() + 25_000).toISOString(),
      admitPerMinute: 1000,
    });
    const opensAt = Date.parse(course.registrationOpensAt);

    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, GUARDIAN, `/tyrskyla/courses/${course.id}`);
    await expect.poll(() => heading(page)).toBe('Reilun jonon vesileikit');
    const enter = page.getByRole('button', { name: 'Siirry odotushuoneeseen' });
    await enter.waitFor();
    expect(await page.getByText(/Sinun ei tarvitse kiirehtiä/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'fair-queue course before entering (phone)');

    expect(Date.now()).toBeLessThan(opensAt);
    await enter.click();
    await page.getByRole('heading', { name: 'Olet odotushuoneessa' }).waitFor();
    expect(await focusedClass(page)).toContain('waiting-room__state');
    expect(await page.locator('.waiting-room__countdown').innerText()).toMatch(
      /^Paikat arvotaan \d+ s kuluttua \(klo \d{1,2}\.\d{2}\)\.$/,
    );
    expect(await page.getByText(/arvotaan sattumanvaraisesti/).isVisible()).toBe(true);
    await expect.poll(() => live(page).textContent()).toMatch(/^Olet odotushuoneessa\./);
    await expectNoAxeViolations(page, 'waiting room before the draw (phone)');

    // The page polls: at the opening the place is drawn and, at this pace, the turn comes.
    await page
      .getByRole('heading', { name: 'Nyt on vuorosi ilmoittautua' })
      .waitFor({ timeout: opensAt - Date.now() + 15_000 });
    expect(await page.locator('.waiting-room__state').innerText()).toMatch(
      /Paikkasi jonossa oli 1\. Ilmoittaudu viimeistään (?:\S+ \d{1,2}\.\d{1,2}\. )?klo \d{1,2}\.\d{2} \(aikaa 1\d min/,
    );
    await expect
      .poll(() => live(page).textContent())
      .toMatch(
        /^Nyt on vuorosi ilmoittautua\. Ilmoittaudu viimeistään (?:\S+ \d{1,2}\.\d{1,2}\. )?klo/,
      );
    await expectNoAxeViolations(page, 'waiting room, admitted (phone)');

    await tick(page, 'Eino Virtanen, 6 v');
    await page.getByRole('button', { name: 'Ilmoittaudu' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Ilmoittautuminen kurssille' });
    await result.waitFor();
    expect(await result.innerText()).toMatch(/Eino: paikka on vahvistettu\./);
    await expectNoAxeViolations(page, 'fair-queue registration confirmed (phone)');

    const mine = (await (await ApiSession.login(GUARDIAN)).get('course-registrations/mine')) as {
      items: { courseId: string; status: string; child: { firstName: string } }[];
    };
    expect(
      mine.items.filter((r) => r.courseId === course.id).map((r) => [r.child.firstName, r.status]),
    ).toEqual([['Eino', 'confirmed']]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('puts a late-comer at the end of the queue with the pace and the estimate (Swedish, phone)', async () => {
    const staff = await ApiSession.login(STAFF);
    const course = await createCourse(staff, 'Långsam kö', {
      registrationMode: 'fair_queue',
      registrationOpensAt: new Date(Date.now() + 2_000).toISOString(),
      admitPerMinute: 1,
    });
    // Staff waits in the room before the opening: the place drawn for them is the first.
    await staff.post(`courses/${course.id}/queue`);
    await new Promise((resolve) =>
      setTimeout(resolve, Date.parse(course.registrationOpensAt) - Date.now() + 500),
    );

    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    await signIn(context, 'asukas@tyrskyla.example');
    await page.goto(`/tyrskyla/courses/${course.id}`);
    await page.getByText(/du kommer sist i kön/).waitFor();
    await page.getByRole('button', { name: 'Ställ dig i kön' }).click();
    await page.getByRole('heading', { name: 'Du står i kö' }).waitFor();
    const state = await page.locator('.waiting-room__state').innerText();
    expect(state).toMatch(/Din plats i kön\s+2/);
    // The one before is admitted already: nobody before is still waiting; the turn is a minute away.
    expect(state).toMatch(/Före dig i kön\s+0/);
    expect(state).toMatch(/Kön rör sig\s+1 person per minut/);
    expect(state).toMatch(/Din tur beräknas\s+om cirka 1 minut \(kl\. \d{1,2}\.\d{2}\)/);
    await expect
      .poll(() => live(page).textContent())
      .toBe('Din plats i kön är 2. 0 personer står före dig.');
    await expectNoAxeViolations(page, 'waiting room with a place, Swedish (phone)');
    await context.close();
  });
});

describe('course administration', () => {
  it('creates a course with sessions and lists who has registered', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, STAFF, '/tyrskyla/admin/courses');
    await expect.poll(() => heading(page)).toBe('Kurssien hallinta');
    await page.getByRole('link', { name: 'Muokkaa kurssia: Lasten uimakoulu, alkeet' }).waitFor();
    await expectNoAxeViolations(page, 'course administration');

    await page.getByRole('link', { name: 'Lisää kurssi' }).click();
    await expect.poll(() => heading(page)).toBe('Uusi kurssi');
    // Nothing filled in: the errors are shown at their fields and the first one has focus.
    await page.getByRole('button', { name: 'Lisää kurssi' }).click();
    await expect.poll(() => hasFocus(page.getByLabel('Nimi suomeksi'))).toBe(true);
    expect(await page.getByText('Korjaa lomakkeen virheet').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'new course form with errors');

    const name = 'Vesiliikuntakerho';
    await page.getByLabel('Nimi suomeksi').fill(name);
    await page.getByLabel('Nimi ruotsiksi').fill('Vattengympaklubben');
    await page.getByLabel('Nimi englanniksi').fill('Water exercise club');
    await page.getByLabel('Paikka', { exact: true }).fill('Tyrskylän uimahalli');
    await page.getByLabel('Alaikäraja (v)').fill('8');
    await page.getByLabel('Yläikäraja (v)').fill('10');
    await page.getByLabel('Paikkoja').fill('6');
    const local = (ms: number) => {
      const d = new Date(ms);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
    };
    await page.getByLabel('Ilmoittautuminen alkaa').fill(local(Date.now() - 3_600_000));
    await page.getByLabel('Ilmoittautuminen päättyy').fill(local(Date.now() + 7 * DAY));
    await page.getByRole('button', { name: 'Lisää kerta', exact: true }).click();
    const first = page.getByRole('group', { name: 'Kerta 1' });
    await first.getByLabel('Päivä').fill(local(Date.now() + 14 * DAY).slice(0, 10));
    await first.getByLabel('Alkaa').fill('17:00');
    await first.getByLabel('Päättyy').fill('17:45');
    await page.getByRole('button', { name: 'Lisää kerta viikon päähän' }).click();
    const second = page.getByRole('group', { name: 'Kerta 2' });
    expect(await second.getByLabel('Alkaa').inputValue()).toBe('17:00');
    await expectNoAxeViolations(page, 'new course form filled in');
    await page.getByRole('button', { name: 'Lisää kurssi' }).click();
    await expect.poll(() => heading(page)).toBe(`Muokkaa kurssia: ${name}`);
    await expect.poll(() => page.getByText(`Kurssi tallennettu: ${name}.`).isVisible()).toBe(true);
    const courseId = page.url().split('/').pop() ?? '';

    // A guardian registers Aino (9) for the free course; staff see her in the table.
    const guardian = await ApiSession.login(GUARDIAN);
    const children = (await guardian.get('children')) as {
      items: { id: string; firstName: string }[];
    };
    const aino = children.items.find((c) => c.firstName === 'Aino')!;
    await guardian.post(`courses/${courseId}/registrations`, { childIds: [aino.id] });
    await page.reload();
    const table = page.getByRole('table', { name: `Ilmoittautuneet: ${name}` });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Aino Virtanen' });
    expect(await row.innerText()).toMatch(/Hanna Huoltaja\s+Vahvistettu\s+Maksuton/);
    expect(await page.getByText('Paikkoja käytössä 1/6, jonossa 0.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'course edit page with registrations');
    // Staff cancel Aino's registration from the table: the seat is free again.
    await row.getByRole('button', { name: /^Peru ilmoittautuminen: / }).click();
    const confirm = page.getByRole('group', { name: 'Haluatko varmasti perua ilmoittautumisen?' });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'staff cancel confirmation');
    await confirm.getByRole('button', { name: 'Kyllä, peru ilmoittautuminen' }).click();
    await page.getByText(/^Ilmoittautuminen peruttiin: /).waitFor();
    await expect.poll(() => row.innerText()).toMatch(/Peruttu/);
    // Nobody is on the course now: staff take it out of use, and it leaves the list.
    await page.getByRole('button', { name: 'Poista kurssi käytöstä' }).click();
    await page.getByRole('button', { name: `Kyllä, poista käytöstä: ${name}` }).click();
    await page.getByText(`Kurssi poistettiin käytöstä: ${name}.`).waitFor();
    expect(await page.getByRole('link', { name: new RegExp(name) }).count()).toBe(0);
    await expectNoAxeViolations(page, 'course list after taking a course out of use');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('cancelling a course', () => {
  it('cancels a course with its registrations after the reason and a confirmation (desktop)', async () => {
    const staff = await ApiSession.login(STAFF);
    const name = 'Melontakurssi';
    const course = await createCourse(staff, name, { ageMin: 8, ageMax: 10 });
    const guardian = await ApiSession.login(GUARDIAN);
    const children = (await guardian.get('children')) as {
      items: { id: string; firstName: string }[];
    };
    const aino = children.items.find((c) => c.firstName === 'Aino')!;
    await guardian.post(`courses/${course.id}/registrations`, { childIds: [aino.id] });

    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, STAFF, `/tyrskyla/admin/courses/${course.id}`);
    await expect.poll(() => heading(page)).toBe(`Muokkaa kurssia: ${name}`);
    const cancel = page.getByRole('button', { name: 'Peru kurssi', exact: true });
    // No reason: nothing is sent, the field says why.
    await cancel.click();
    await page.getByText('Kirjoita syy, joka kerrotaan huoltajille.').waitFor();
    await expectNoAxeViolations(page, 'course cancellation without a reason');
    await page.getByLabel('Peruutuksen syy').fill('Ranta on suljettu vesivahingon vuoksi.');
    await cancel.click();
    const confirm = page.getByRole('group', { name: 'Vahvista kurssin peruminen' });
    await confirm.waitFor();
    await expect
      .poll(() => hasFocus(confirm.getByRole('button', { name: `Kyllä, peru kurssi ${name}` })))
      .toBe(true);
    await expectNoAxeViolations(page, 'course cancellation confirmation');
    await confirm.getByRole('button', { name: `Kyllä, peru kurssi ${name}` }).click();
    await page.getByText(`Kurssi peruttiin: ${name}. 1 ilmoittautuminen päättyi`).waitFor();
    const row = page
      .getByRole('table', { name: `Ilmoittautuneet: ${name}` })
      .getByRole('row')
      .filter({ hasText: 'Aino Virtanen' });
    await expect.poll(() => row.innerText()).toMatch(/Peruttu/);
    await page
      .getByText('Huoltajille kerrottu syy: Ranta on suljettu vesivahingon vuoksi.')
      .waitFor();
    await expectNoAxeViolations(page, 'cancelled course');
    expect(errors).toEqual([]);
    await context.close();

    // The guardian is told, and the course takes no more registrations.
    const notices = (await guardian.get('notifications')) as { items: { title: string }[] };
    expect(notices.items[0]?.title).toBe(`Kurssi peruttu: ${name}`);
    const page2 = await (await newContext(browser, 'phone')).newPage();
    await loginAs(page2, GUARDIAN, `/tyrskyla/courses/${course.id}`);
    await page2.getByText(/^Kurssi on peruttu, eikä sille voi ilmoittautua/).waitFor();
    expect(await page2.getByRole('button', { name: 'Ilmoittaudu' }).count()).toBe(0);
    await expectNoAxeViolations(page2, 'cancelled course page (phone)');
    await page2.context().close();
  });
});
