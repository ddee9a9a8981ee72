import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api.js';
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
/** Tick the terms-of-use checkbox of the booking form (operated through its label). */
const acceptTerms = (page: Page) =>
  page
    .locator('label')
    .filter({ hasText: 'Olen lukenut tilan käyttöehdot ja hyväksyn ne' })
    .click();

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

describe('paying for a booking', () => {
  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`books the sauna, pays in the cart and sees it paid in my bookings (${viewport})`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await loginAs(page, RESIDENTS[viewport], '/tyrskyla/facilities');
      await page.getByLabel('Hakusana').fill('Rantasauna');
      await page.getByRole('button', { name: 'Hae tiloja' }).click();
      await page.getByRole('link', { name: 'Rantasauna' }).click();
      await expect.poll(() => heading(page)).toBe('Rantasauna');
      // A resident's own price, and the rule for getting the money back.
      await expect
        .poll(() => page.getByRole('main').innerText())
        .toMatch(/Hintasi\s+8,00\s€\/tunti/);
      expect(await page.getByText(/Maksuton peruutus: .* 24 tuntia ennen/).count()).toBe(1);

      await page.getByRole('button', { name: 'Seuraava viikko' }).click();
      const free = page.getByRole('button', { name: /, vapaa$/ });
      await free.first().waitFor();
      await free.first().click();
      await page.getByRole('button', { name: /Kesto$/ }).click();
      await page.getByRole('option', { name: /^1 h/ }).click();
      await expect.poll(() => page.locator('#book').innerText()).toMatch(/Hinta: 8,00\s€/);
      await expectNoAxeViolations(page, `booking form with a price (${viewport})`);
      // The sauna's terms of use are on its page; booking needs them accepted.
      expect(await page.locator('#terms').innerText()).toMatch(/^Käyttöehdot\s+\S/);
      await page.getByRole('button', { name: 'Varaa ja siirry maksamaan' }).click();
      await page.getByText('Hyväksy käyttöehdot ennen varaamista.').waitFor();
      await expectNoAxeViolations(page, `booking form, terms not accepted (${viewport})`);
      await acceptTerms(page);
      await page.getByRole('button', { name: 'Varaa ja siirry maksamaan' }).click();

      // Held for the booker: in the cart, with the time it is kept.
      await page.waitForURL('**/tyrskyla/shop/cart');
      const notice = page.getByRole('status').filter({ hasText: 'Varaus lisättiin ostoskoriin' });
      await notice.waitFor();
      const what = /ostoskoriin: (.+?)\. Aika/.exec(await notice.innerText())?.[1] ?? '';
      expect(what).toMatch(/^Rantasauna /);
      const line = page.locator('li.order-line').filter({ hasText: what });
      await expect.poll(() => line.innerText()).toMatch(/Aika on varattu sinulle .* asti/);
      expect(
        await page
          .getByRole('button', { name: `Poista ostoskorista ja peru varaus: ${what}` })
          .count(),
      ).toBe(1);
      await expectNoAxeViolations(page, `cart with a held booking (${viewport})`);

      await page.getByRole('button', { name: 'Siirry maksamaan' }).click();
      await page.getByRole('heading', { name: 'Testimaksu' }).waitFor();
      await page.getByRole('link', { name: 'Maksa' }).click();
      await page.waitForURL('**/tyrskyla/orders/**');
      await expect
        .poll(() => page.getByText('Maksetut varaukset on vahvistettu.').isVisible())
        .toBe(true);
      await expectNoAxeViolations(page, `paid order with a booking (${viewport})`);

      await page.getByRole('link', { name: 'Katso omat varaukset' }).click();
      await expect.poll(() => heading(page)).toBe('Omat varaukset');
      const ics = page.getByRole('link', { name: `Lisää kalenteriin (.ics): ${what}` });
      await ics.waitFor();
      const booking = page.locator('li.reservation').filter({ has: ics });
      const facts = await booking.innerText();
      expect(facts).toMatch(/Vahvistettu/);
      expect(facts).toMatch(/Hinta\s+8,00\s€/);
      expect(facts).toMatch(/Maksu\s+Maksettu/);
      expect(facts).toMatch(/Maksuton peruutus\s+.* asti/);
      // Cancelling now (days ahead) gives the whole price back.
      await page.getByRole('button', { name: `Peru varaus: ${what}` }).click();
      await expect
        .poll(() => page.getByText(/Saat maksamasi 8,00\s€ takaisin/).isVisible())
        .toBe(true);
      await expectNoAxeViolations(page, `cancelling a paid booking (${viewport})`);
      await page.getByRole('button', { name: 'Älä peru' }).click();
      await page.getByRole('button', { name: `Peru varaus: ${what}` }).waitFor();
      await context.close();
    });
  }

  it('removes a held booking from the cart, which cancels the booking', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await loginAs(page, RESIDENTS.phone, '/tyrskyla/facilities');
    await page.getByRole('link', { name: 'Rantasauna' }).click();
    await page.getByRole('button', { name: 'Seuraava viikko' }).click();
    await page.getByRole('button', { name: 'Seuraava viikko' }).click();
    const free = page.getByRole('button', { name: /, vapaa$/ });
    await free.first().waitFor();
    await free.first().click();
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Varaa ja siirry maksamaan' }).click();
    await page.waitForURL('**/tyrskyla/shop/cart');
    const notice = page.getByRole('status').filter({ hasText: 'Varaus lisättiin ostoskoriin' });
    await notice.waitFor();
    const what = /ostoskoriin: (.+?)\. Aika/.exec(await notice.innerText())?.[1] ?? '';

    // My bookings shows it waiting for payment, with the way to the cart.
    await page.goto('/tyrskyla/bookings/mine');
    const pay = page.getByRole('link', { name: `Maksa ostoskorissa: ${what}` });
    await pay.waitFor();
    const held = page.locator('li.reservation').filter({ has: pay });
    expect(await held.innerText()).toMatch(
      /Odottaa maksua[\s\S]*Maksamatta, maksettava (?:\S+ \d{1,2}\.\d{1,2}\. )?klo/,
    );
    await expectNoAxeViolations(page, 'my bookings with a held booking (phone)');
    await pay.click();

    await page.getByRole('button', { name: `Poista ostoskorista ja peru varaus: ${what}` }).click();
    await expect
      .poll(() =>
        page.getByText(`Varaus peruttiin ja poistettiin ostoskorista: ${what}.`).isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByText('Ostoskorisi on tyhjä.').isVisible()).toBe(true);
    await page.goto('/tyrskyla/bookings/mine');
    await page.getByRole('heading', { name: /^Menneet/ }).waitFor();
    expect(await page.getByRole('link', { name: `Maksa ostoskorissa: ${what}` }).count()).toBe(0);
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

describe('facility staff and paid requests', () => {
  it("approves a priced request into the booker's cart, then cancels it unpaid", async () => {
    // A resident asks for the sports hall (approval, 30 €/h) on a weekday over a week ahead.
    const booker = await ApiSession.login(RESIDENTS.phone);
    const halls = (await booker.get('resources?q=liikuntahalli')) as { items: { id: string }[] };
    const day = new Date();
    day.setDate(day.getDate() + 8);
    while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
    const at = (h: number, m: number) =>
      new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m).toISOString();
    const request = await booker.post('reservations', {
      resourceId: halls.items[0]!.id,
      start: at(10, 0),
      end: at(11, 30),
      purpose: 'Sählyvuoro',
    });
    expect(request).toMatchObject({ status: 'requested', priceCents: 4500, payment: 'unpaid' });

    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/admin/reservations');
    const approve = page.getByRole('button', {
      name: /^Hyväksy varaus: Tyrskylän liikuntahalli .*, Hanna Huoltaja$/,
    });
    await approve.waitFor();
    const item = page.locator('li.reservation').filter({ has: approve });
    expect(await item.innerText()).toMatch(/Hinta\s+45,00\s€[\s\S]*Maksetaan hyväksynnän jälkeen/);
    await approve.click();
    await expect
      .poll(() => page.getByText(/Varaus siirtyi varaajan ostoskoriin/).isVisible())
      .toBe(true);
    const row = page.getByRole('row').filter({ hasText: 'Hanna Huoltaja' }).filter({
      hasText: 'Odottaa maksua',
    });
    await expect.poll(() => row.innerText()).toMatch(/45,00\s€ · Maksamatta, maksettava/);
    await expectNoAxeViolations(page, 'staff reservations with a held booking');

    await row.getByRole('button', { name: /^Peru varaus: Tyrskylän liikuntahalli/ }).click();
    await expect
      .poll(() =>
        page.getByText('Varausta ei ole maksettu. Se poistuu varaajan ostoskorista').isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'staff cancelling a held booking');
    await page
      .getByLabel(/Perustelu varaajalle/)
      .last()
      .fill('Sali tarvitaan kunnan käyttöön');
    await page.getByRole('button', { name: 'Kyllä, peru varaus' }).click();
    await expect
      .poll(() => page.getByText(/^Varaus peruttiin: Tyrskylän liikuntahalli/).isVisible())
      .toBe(true);
    const cart = (await booker.get('cart')) as { lines: { reservationId: string | null }[] };
    expect(cart.lines.some((l) => l.reservationId === (request as { id: string }).id)).toBe(false);
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

describe('facility staff book for a customer', () => {
  it('books a meeting room for a resident from the staff page', async () => {
    // A weekday 10–20 days ahead that is no demo holiday: the room Laine is open 8–16.
    const holidays = ['12-6', '12-24', '12-25', '12-26', '1-1', '1-6'];
    const day = new Date();
    day.setDate(day.getDate() + 10);
    while (
      day.getDay() === 0 ||
      day.getDay() === 6 ||
      holidays.includes(`${day.getMonth() + 1}-${day.getDate()}`)
    ) {
      day.setDate(day.getDate() + 1);
    }
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/admin/reservations');
    const form = page.getByRole('region', { name: 'Varaa asiakkaalle' });
    await form.getByRole('button', { name: /Tila/ }).first().click();
    await page.getByRole('option', { name: 'Kokoushuone Laine' }).click();
    await form
      .getByLabel('Päivä')
      .fill(`${day.getDate()}.${day.getMonth() + 1}.${day.getFullYear()}`);
    await form.getByLabel('Alkaa klo').fill('13.00');
    await form.getByLabel('Päättyy klo').fill('14.00');
    await form.getByLabel('Asiakkaan sähköpostiosoite').fill('asukas@tyrskyla.example');
    await form.getByRole('button', { name: 'Varaa asiakkaalle' }).click();
    await form.getByText(/^Varattu asiakkaalle: Kokoushuone Laine/).waitFor();
    await expectNoAxeViolations(page, 'booked for a customer');
    // The next hour in the sports club's name: asukas@ is its member.
    await form.getByRole('button', { name: /Kenen nimissä/ }).click();
    await page.getByRole('option', { name: 'Tyrskylän Urheiluseura ry' }).click();
    await form.getByLabel('Alkaa klo').fill('14.00');
    await form.getByLabel('Päättyy klo').fill('15.00');
    await form.getByLabel('Asiakkaan sähköpostiosoite').fill('asukas@tyrskyla.example');
    await form.getByRole('button', { name: 'Varaa asiakkaalle' }).click();
    // The second booking's own answer (the first's, still shown, also ends at 14.00).
    await form.getByText(/^Varattu asiakkaalle: Kokoushuone Laine .*14\.00–15\.00/).waitFor();
    await expectNoAxeViolations(page, 'booked for an association');
    await context.close();
    // The customer sees both among their bookings, the second as the club's.
    const customer = await ApiSession.login('asukas@tyrskyla.example');
    const mine = (await customer.get('reservations/mine')) as {
      items: {
        resourceName: { fi: string };
        status: string;
        organisation: { name: string } | null;
      }[];
    };
    const laine = mine.items.filter(
      (r) => r.resourceName.fi === 'Kokoushuone Laine' && r.status === 'confirmed',
    );
    expect(laine.some((r) => r.organisation === null)).toBe(true);
    expect(laine.some((r) => r.organisation?.name === 'Tyrskylän Urheiluseura ry')).toBe(true);
  });
});
