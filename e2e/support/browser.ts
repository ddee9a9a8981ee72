import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (cookies, storage) with a viewport and a browser language. */
export async function newContext(
  browser: Browser,
  viewport: ViewportName = 'desktop',
  locale = 'fi-FI',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: VIEWPORTS[viewport],
    locale,
    timezoneId: 'Europe/Helsinki',
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
  });
  // Fail a step that cannot happen with a message naming it, well before the test timeout.
  context.setDefaultTimeout(10_000);
  return context;
}

/** WCAG 2.1 A and AA rules of axe: the page must have no violation at all. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Fail on any error the page logs or throws (a broken page often still renders). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/** Log in through the login page and wait until it has taken the browser to `returnTo`. */
export async function loginAs(page: Page, email: string, returnTo: string) {
  await page.goto(`/tyrskyla/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await page.waitForURL(`**${returnTo}`);
  // The person's language is kept on the server, and another spec may have left it Swedish:
  // these tests read Finnish, so put it back and show the page again.
  const session = await page.request.get('/api/tyrskyla/session');
  const me = (await session.json()) as { user: { language: string } | null; csrfToken: string };
  if (me.user && me.user.language !== 'fi') {
    const set = await page.request.put('/api/tyrskyla/session/language', {
      data: { language: 'fi' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(set.ok()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fi');
  }
}

/**
 * Log the browser in through the API, without the (Finnish-labelled) login page; with a
 * language, the person's language is set too (without, the pages keep the browser's).
 */
export async function signIn(context: BrowserContext, email: string, language?: 'fi' | 'sv') {
  const session = await context.request.get('/api/tyrskyla/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await context.request.post('/api/tyrskyla/session', {
    data: { email, password: 'demo' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(login.ok()).toBe(true);
  if (!language) return;
  const token = ((await login.json()) as { csrfToken: string }).csrfToken;
  const set = await context.request.put('/api/tyrskyla/session/language', {
    data: { language },
    headers: { 'x-csrf-token': token },
  });
  expect(set.ok()).toBe(true);
}
