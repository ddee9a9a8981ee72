import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
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

async function childId(name: string) {
  const guardian = await ApiSession.login(GUARDIAN);
  const data = (await guardian.get('daycare/children')) as {
    children: { id: string; firstName: string }[];
  };
  return data.children.find((c) => c.firstName === name)!.id;
}

/** The guardian's badge count as the API gives it (earlier specs may leave messages). */
async function unreadNow() {
  const guardian = await ApiSession.login(GUARDIAN);
  return ((await guardian.get('messages/unread')) as { unreadCount: number }).unreadCount;
}

describe('daycare messages for guardians', () => {
  it('shows the red dot live when staff send, and acknowledges "read and understood" (phone, Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(context, GUARDIAN, 'fi');
    await page.goto('/tyrskyla/messages');
    await expect.poll(() => heading(page)).toBe('Viestit');
    const before = await unreadNow();
    const badge = page.locator('.messages-badge');
    await expect.poll(() => badge.getAttribute('aria-label')).toContain(`${before}`);
    await expectNoAxeViolations(page, 'messages list (phone)');

    const staff = await ApiSession.login('majakka@tyrskyla.example');
    await staff.post('messages/threads', {
      scope: 'child',
      childId: await childId('Eino'),
      kind: 'bulletin',
      title: 'Retkilupa',
      body: 'Lähdemme torstaina metsäretkelle. Kuitatkaa, että olette lukeneet.',
      urgent: true,
      requiresAck: true,
    });
    // Live, without reloading: the header badge and the list's dot.
    await page
      .getByTestId('messages-dot')
      .filter({ hasText: `${before + 1}` })
      .waitFor();
    const row = page.locator('.message-row').filter({ hasText: 'Retkilupa' });
    await row.getByTestId('thread-unread-dot').waitFor();
    expect(await row.innerText()).toContain('Kiireellinen');
    await expectNoAxeViolations(page, 'messages list with an unread thread (phone)');
    await page.screenshot({ path: '/tmp/messages-fi-list-phone.png', fullPage: true });

    await row.getByRole('link').click();
    await expect.poll(() => heading(page)).toBe('Retkilupa');
    await page.getByText('Lähdemme torstaina metsäretkelle.', { exact: false }).waitFor();
    // Opening reads the thread: the badge goes down.
    await expect
      .poll(() => badge.getAttribute('aria-label'))
      .toBe(before === 1 ? 'Viestit, 1 lukematon' : `Viestit, ${before} lukematonta`);
    await expectNoAxeViolations(page, 'bulletin asking for acknowledgement (phone)');
    await page.getByRole('button', { name: 'Luettu ja ymmärretty' }).click();
    await page.getByText('Kiitos, kuittaus lähetetty.').waitFor();
    await page.getByText(/Kuittasit viestin/).waitFor();
    await page.screenshot({ path: '/tmp/messages-fi-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gets a message live and replies to it (phone, Swedish)', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(context, GUARDIAN, 'sv');
    await page.goto('/tyrskyla/messages');
    await expect.poll(() => heading(page)).toBe('Dagvårdsmeddelanden');
    const before = await unreadNow();
    const staff = await ApiSession.login('aallokko@tyrskyla.example');
    await staff.post('messages/threads', {
      scope: 'child',
      childId: await childId('Aino'),
      kind: 'message',
      title: 'Ainos vantar',
      body: 'Aino har glömt sina vantar hos oss.',
      urgent: false,
      requiresAck: false,
    });
    await page
      .getByTestId('messages-dot')
      .filter({ hasText: `${before + 1}` })
      .waitFor();
    const row = page.locator('.message-row').filter({ hasText: 'Ainos vantar' });
    await row.getByTestId('thread-unread-dot').waitFor();
    await expectNoAxeViolations(page, 'messages list in Swedish (phone)');
    await row.getByRole('link').click();
    await expect.poll(() => heading(page)).toBe('Ainos vantar');
    await page.getByLabel('Svar').fill('Tack, vi hämtar dem i morgon.');
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret har skickats.').waitFor();
    await page
      .locator('.message-bubble--mine')
      .getByText('Tack, vi hämtar dem i morgon.')
      .waitFor();
    await expectNoAxeViolations(page, 'thread in Swedish (phone)');
    await page.screenshot({ path: '/tmp/messages-sv-phone.png', fullPage: true });
    // The staff member sees the reply as unread.
    const thread = (await staff.get('messages/threads')) as {
      items: { title: string; unreadCount: number }[];
    };
    expect(thread.items.find((t) => t.title === 'Ainos vantar')?.unreadCount).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('daycare messages for staff', () => {
  it('shows the recipients before sending, and who has not acknowledged (phone, Finnish)', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(context, 'majakka@tyrskyla.example', 'fi');
    await page.goto('/tyrskyla/messages');
    await expect.poll(() => heading(page)).toBe('Viestit');
    await page.getByRole('button', { name: 'Uusi viesti' }).click();
    await page
      .locator('label')
      .filter({ hasText: 'Päiväkoti Majakka, Meritähdet (esiopetus)' })
      .first()
      .click();
    // The guardians of the children placed in the group today, before sending.
    await page.getByText(/Viesti menee \d+ vastaanottajalle:/).waitFor();
    await page
      .locator('.message-recipients__list')
      .getByText('Hanna Huoltaja', { exact: false })
      .waitFor();
    await page.locator('label').filter({ hasText: 'Tiedote' }).first().click();
    await page.locator('label').filter({ hasText: 'Pyydä kuittaus' }).first().click();
    await expectNoAxeViolations(page, 'new message with its recipients (phone)');
    await page.getByLabel('Otsikko').fill('Valokuvaus maanantaina');
    await page.getByLabel('Viestin teksti').fill('Ryhmäkuvat otetaan maanantaina.');
    await page.getByRole('button', { name: 'Lähetä', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Valokuvaus maanantaina');
    await page.getByText(/Kuittaukset: 0\/\d+/).waitFor();
    await page.getByRole('button', { name: 'Muistuta kuittaamattomia' }).click();
    await page.getByText(/Muistutus lähetetty \d+ henkilölle\./).waitFor();
    await expectNoAxeViolations(page, 'sent bulletin with acknowledgements (phone)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
