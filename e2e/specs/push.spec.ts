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

/**
 * The installable app and the notification settings. Headless Chromium cannot reach a real
 * push service, so the delivery of a push (subscription → notice → job → push service →
 * decrypted payload) is proven in the API test apps/api/src/platform/push/push.test.ts
 * against the project's fake push service; here: the manifest, the service worker, and the
 * settings page on a phone in Finnish and Swedish.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const RESIDENT = 'asukas@tyrskyla.example';
// Long compound words in the titles carry soft hyphens, for phones.
const heading = async (page: Page) =>
  (await page.getByRole('heading', { level: 1 }).textContent())?.replaceAll('\u00ad', '');

/** Put the switch this spec changes back to its default, whatever an earlier run left. */
async function resetFreePlacesEmail() {
  const resident = await ApiSession.login(RESIDENT);
  await resident.put('notification-preferences', {
    changes: [{ topic: 'freePlaces', channel: 'email', enabled: true }],
  });
  await resident.put('session/language', { language: 'fi' });
}

describe('notification settings and the installable app', () => {
  it('serves and links the web app manifest and its icons', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await page.goto('/tyrskyla/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as {
      name: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ display: 'standalone', theme_color: '#003479' });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const image = await page.request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
    }
    await context.close();
  });

  it('registers the service worker, which the server never lets go stale', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/tyrskyla/');
    // A string, because this project's e2e code is type-checked without the DOM library.
    const script = await page.evaluate<string>(
      "navigator.serviceWorker.ready.then((r) => (r.active ? r.active.scriptURL : ''))",
    );
    expect(script).toMatch(/\/sw\.js$/);
    const sw = await page.request.get('/sw.js');
    expect(sw.headers()['cache-control']).toBe('no-cache');
    expect(await sw.text()).toContain("addEventListener('push'");
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches a topic off and keeps it, on a phone in Finnish', async () => {
    await resetFreePlacesEmail();
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await signIn(context, RESIDENT, 'fi');
      // From the user menu, as a person finds it.
      await page.goto('/tyrskyla/');
      await page.getByRole('button', { name: /^Käyttäjävalikko/ }).click();
      await page.getByRole('menuitem', { name: 'Ilmoitusasetukset' }).click();
      await page.waitForURL('**/tyrskyla/notifications/settings');
      await expect.poll(() => heading(page)).toBe('Ilmoitusasetukset');
      await page.getByText('Tämä laite ei saa ilmoituksia.').waitFor();
      await page
        .getByRole('button', { name: 'Ota ilmoitukset käyttöön tällä laitteella' })
        .waitFor();
      const email = page.getByLabel('Vapaat paikat: Sähköposti');
      expect(await email.isChecked()).toBe(true);
      expect(await page.getByLabel('Vapaat paikat: Laite').isChecked()).toBe(true);
      await expectNoAxeViolations(page, 'notification settings (phone, Finnish)');
      await page.screenshot({ path: '/tmp/push-settings-fi-phone.png', fullPage: true });

      // By keyboard: the switch is a real checkbox under the design system's drawing.
      await email.focus();
      await page.keyboard.press('Space');
      await page.getByText('Asetus tallennettu.').waitFor();
      await page.reload();
      await expect.poll(() => heading(page)).toBe('Ilmoitusasetukset');
      await page.getByLabel('Vapaat paikat: Laite').waitFor();
      expect(await page.getByLabel('Vapaat paikat: Sähköposti').isChecked()).toBe(false);
      expect(await page.getByLabel('Viestit: Sähköposti', { exact: true }).isChecked()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await resetFreePlacesEmail();
    }
  });

  it('asks for permission and tries to subscribe this device', async () => {
    const context = await newContext(browser, 'phone');
    await context.grantPermissions(['notifications']);
    const page = await context.newPage();
    await signIn(context, RESIDENT, 'fi');
    await page.goto('/tyrskyla/notifications/settings');
    await page.getByRole('button', { name: 'Ota ilmoitukset käyttöön tällä laitteella' }).click();
    // A test browser has no push service to subscribe with: the page says so instead of
    // failing silently (where one is reachable, the device is subscribed).
    await page
      .getByText(/Ilmoitusten käyttöönotto ei onnistunut|Tämä laite saa ilmoitukset\./)
      .waitFor();
    await expectNoAxeViolations(page, 'notification settings after trying to subscribe');
    await context.close();
  });

  it('shows the settings in Swedish on a phone', async () => {
    const context = await newContext(browser, 'phone', 'sv-FI');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await signIn(context, RESIDENT, 'sv');
      await page.goto('/tyrskyla/notifications/settings');
      await expect.poll(() => heading(page)).toBe('Aviseringsinställningar');
      await page.getByRole('button', { name: 'Slå på aviseringar på den här enheten' }).waitFor();
      expect(await page.getByLabel('Brådskande meddelanden: E-post').isChecked()).toBe(true);
      await page.getByRole('columnheader', { name: 'Enhet' }).waitFor();
      await expectNoAxeViolations(page, 'notification settings (phone, Swedish)');
      await page.screenshot({ path: '/tmp/push-settings-sv-phone.png', fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await resetFreePlacesEmail();
    }
  });
});
