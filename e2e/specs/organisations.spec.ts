import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const CLUB = 'Tyrskylän Urheiluseura ry';
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** A local date (YYYY-MM-DD) `weeks` weeks after another. */
const weeksAfter = (date: string, weeks: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

describe('booking a season for an association', () => {
  it('a resident books a season of Tuesdays as the club, staff approve it, and it is invoiced to the club', async () => {
    const resident = await newContext(browser, 'desktop');
    const page = await resident.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'asukas@tyrskyla.example', '/tyrskyla/facilities');
    await page.getByRole('link', { name: 'Tyrskylän liikuntahalli' }).click();
    await expect.poll(() => heading(page)).toBe('Tyrskylän liikuntahalli');

    // Next week's Tuesday at 18.00, two hours, for the club at the association price.
    await page.getByRole('button', { name: 'Seuraava viikko' }).click();
    const tuesday = page.getByRole('button', { name: /^Ti .* klo 18\.00, vapaa$/ });
    await tuesday.first().waitFor();
    await tuesday.first().click();
    await page.getByText(CLUB, { exact: true }).click();
    expect(await page.getByLabel(CLUB).isChecked()).toBe(true);
    await page.getByRole('button', { name: /Kesto$/ }).click();
    await page.getByRole('option', { name: /^2 h \(/ }).click();
    const form = page.locator('#book');
    await expect.poll(() => form.innerText()).toMatch(/Hinta: 40,00\s€ \(20,00\s€/);

    await page.getByText('Toista viikoittain (kausivaraus)').click();
    // The last day starts twelve weeks on; eight weeks it is.
    const until = page.getByLabel('Viimeinen päivä');
    const first = weeksAfter(await until.inputValue(), -11);
    await until.fill(weeksAfter(first, 7));
    await expect.poll(() => form.innerText()).toMatch(/8 kertaa, yhteensä noin 320,00\s€/);
    await expectNoAxeViolations(page, 'season booking form for the club');
    await page.getByLabel(/Käyttötarkoitus/).fill('Salibandy');
    await page.getByRole('button', { name: 'Varaa kausi', exact: true }).click();
    const sent = page.getByText(/^Kausivarauksen pyyntö lähetetty: \d+ kertaa$/);
    await sent.waitFor();
    const weeks = Number(/(\d+) kertaa/.exec((await sent.textContent()) ?? '')![1]);
    expect(weeks).toBeGreaterThanOrEqual(7); // a holiday may close one Tuesday
    await expect.poll(() => form.innerText()).toContain(`Hinta yhteensä ${money(weeks * 4000)}`);
    await expectNoAxeViolations(page, 'season request sent');

    // Facility staff approve the season as one.
    const staff = await newContext(browser, 'desktop');
    const staffPage = await staff.newPage();
    errors.push(...collectPageErrors(staffPage));
    await loginAs(staffPage, 'tilat@tyrskyla.example', '/tyrskyla/admin/reservations');
    const approve = staffPage.getByRole('button', {
      name: new RegExp(`^Hyväksy kausi: .*${weeks} kertaa viikoittain, ${CLUB}`),
    });
    await approve.waitFor();
    await expectNoAxeViolations(staffPage, 'staff page with a season request');
    await approve.click();
    await staffPage.getByText(/^Kausi hyväksyttiin: .*Varaukset siirtyivät ostoskoriin/).waitFor();
    // Staff also see the club among the municipality's organisations.
    await staffPage.goto('/tyrskyla/admin/organisations');
    await staffPage.getByRole('link', { name: CLUB }).waitFor();
    await expectNoAxeViolations(staffPage, 'organisation administration');
    await staff.close();

    // The club's cart: the season as one line, invoiced to the club by default.
    await page.goto('/tyrskyla/shop/cart');
    await page.getByText(`Tämä on yhteisön ${CLUB} ostoskori`, { exact: false }).waitFor();
    const season = page.locator('.order-line--season');
    await season.waitFor();
    expect(await season.innerText()).toContain(`${weeks} kertaa`);
    expect(await season.innerText()).toContain(money(weeks * 4000));
    expect(await page.getByLabel('Maksa laskulla').isChecked()).toBe(true);
    await expectNoAxeViolations(page, "the club's cart with a season");
    await page.getByRole('button', { name: 'Tilaa laskulla' }).click();

    await page.waitForURL('**/tyrskyla/orders/**');
    await page.getByText('Tilaus vahvistettu – maksa lasku').waitFor();
    expect(await page.locator('.order-facts').first().innerText()).toMatch(
      new RegExp(`Ostaja\\s+${CLUB}`),
    );
    const facts = page.locator('.invoice-facts');
    await expect
      .poll(() => facts.innerText())
      .toMatch(/Laskutetaan\s+Tyrskylän Urheiluseura ry, 2345678-0/);
    expect(await facts.innerText()).toMatch(new RegExp(`Summa\\s+${money(weeks * 4000)}`));
    const number = (await facts.locator('dd').first().innerText()).trim();
    const pdf = page.getByRole('link', { name: `Lasku ${number} PDF-tiedostona` });
    const response = await page.request.get((await pdf.getAttribute('href'))!);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page, 'order invoiced to the club');
    await resident.close();
    expect(errors).toEqual([]);
  });
});

describe('organisations', () => {
  it('a person registers an association and adds a member (phone, in Swedish)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // Someone the later specs do not use: the language choice is remembered per person.
    await loginAs(page, 'tilat@tyrskyla.example', '/tyrskyla/organisations');
    await page.getByRole('button', { name: /Valitse kieli/ }).click();
    await page.getByRole('menuitem', { name: /På svenska/ }).click();
    await expect.poll(() => heading(page)).toBe('Organisationer');
    await page.getByRole('button', { name: 'Registrera en ny organisation' }).click();
    await page.getByText('Förening', { exact: true }).click();
    await page.getByLabel('Namn', { exact: true }).fill('Tyrskylä Schackklubb rf');
    await page.getByLabel(/^FO-nummer/).fill('2345678-1');
    await page.getByLabel(/^Föreningsregisternummer/).fill('4321');
    await page.getByLabel('Gatuadress eller postbox').fill('Biblioteksgränd 2');
    await page.getByLabel('Postnummer').fill('99999');
    await page.getByLabel('Postanstalt').fill('Tyrskylä');
    await page.getByLabel('E-postadress för fakturering').fill('schack@klubb.example');
    await page.getByRole('button', { name: 'Registrera organisationen' }).click();
    // A wrong check digit in the business ID is refused, in Swedish.
    await page.getByText('FO-numret duger inte').first().waitFor();
    await expectNoAxeViolations(page, 'organisation form with an error (phone, sv)');
    await page.getByLabel(/^FO-nummer/).fill('');
    await page.getByRole('button', { name: 'Registrera organisationen' }).click();
    await page.waitForURL('**/tyrskyla/organisations/**');
    await expect.poll(() => heading(page)).toBe('Tyrskylä Schackklubb rf');
    await page.getByText('Tyrskylä Schackklubb rf har registrerats.', { exact: false }).waitFor();
    expect(await page.getByLabel(/^Föreningsregisternummer/).inputValue()).toBe('4.321');
    await page
      .getByLabel('E-postadress till personen som läggs till')
      .fill('asukas@tyrskyla.example');
    await page.getByRole('button', { name: 'Lägg till medlem' }).click();
    await page.getByText('asukas@tyrskyla.example lades till som medlem.').waitFor();
    await expect
      .poll(() => page.locator('.member-list').innerText())
      .toMatch(/Antti Asukas[\s\S]*Tapio Tilavastaava/);
    await expectNoAxeViolations(page, 'organisation page (phone, sv)');
    await page.getByRole('button', { name: /Välj språk/ }).click();
    await page.getByRole('menuitem', { name: /Suomeksi/ }).click();
    await context.close();
    // The refused business ID is the one error the browser logs.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});

/** Cents as the Finnish pages write euros: "320,00 €" (a no-break space before €). */
function money(cents: number) {
  return new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
