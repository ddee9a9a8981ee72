import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime } from '../../../test/helpers.js';
import { Browser, freePort } from '../../../test/http-browser.js';
import { DEMO_IDENTITIES } from './demo-idp.js';

/**
 * The test identification shipped for demo mode, end to end: Helppo redirects to it, its
 * login page lists the test people, and choosing one logs in through the real OIDC code flow.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let helppo: URL;

beforeAll(async () => {
  const [port, idpPort] = [await freePort(), await freePort()];
  // 127.0.0.1 rather than localhost: the provider builds absolute addresses from the Host.
  helppo = new URL(`http://127.0.0.1:${port}`);
  rt = await startRuntime({
    DEMO_IDP: 'true',
    DEMO_IDP_PORT: String(idpPort),
    HOST: '127.0.0.1',
    PUBLIC_URL: helppo.origin,
  });
  await rt.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => rt?.dispose());

/** Follow redirects until a page (HTML) is reached; returns its address and the response. */
async function follow(browser: Browser, start: URL) {
  let url = start;
  for (let hop = 0; hop < 12; hop++) {
    const response = await browser.fetch(url);
    if (response.status < 300 || response.status > 399) {
      return { url, response };
    }
    url = new URL(response.headers.get('location')!, url);
    if (url.origin === helppo.origin && !url.pathname.startsWith('/api/')) {
      return { url, response: null };
    }
  }
  throw new Error('too many redirects');
}

async function submit(browser: Browser, page: URL, html: string, fields: Record<string, string>) {
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  const target = new URL(action, page);
  const response = await browser.fetch(target, fields);
  expect(response.status).toBe(303);
  return follow(browser, new URL(response.headers.get('location')!, target));
}

describe('demo identification', () => {
  it('is offered on the login page', async () => {
    expect((await rt.app.inject('/api/tyrskyla/session')).json().oidcEnabled).toBe(true);
  });

  it('lets a resident pick a test person and logs them in', async () => {
    const browser = new Browser();
    const start = new URL(
      '/api/tyrskyla/auth/oidc/login?returnTo=%2Ftyrskyla%2Fnotifications',
      helppo,
    );
    const login = await follow(browser, start);
    expect(login.url.pathname).toMatch(/^\/interaction\//);
    const html = await login.response!.text();
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<h1>Testitunnistus</h1>');
    for (const person of DEMO_IDENTITIES) expect(html).toContain(person.family_name);

    const done = await submit(browser, login.url, html, { sub: DEMO_IDENTITIES[0]!.sub });
    expect(done.url.pathname).toBe('/tyrskyla/notifications');
    const session = browser.jar(helppo.host).get('helppo_session');
    const me = await rt.app.inject({
      url: '/api/tyrskyla/session',
      headers: { cookie: `helppo_session=${session}` },
    });
    expect(me.json()).toMatchObject({ user: { name: 'Tiina Testaaja' }, roles: ['resident'] });
  });

  it('shows its page in the language the person uses Helppo in', async () => {
    const browser = new Browser();
    const start = new URL('/api/tyrskyla/auth/oidc/login', helppo);
    const swedish = await rt.app.inject({
      url: start.pathname,
      headers: { 'accept-language': 'sv' },
    });
    expect(new URL(swedish.headers.location as string).searchParams.get('ui_locales')).toBe('sv');
    const page = await follow(browser, new URL(swedish.headers.location as string));
    expect(await page.response!.text()).toContain('<h1>Testidentifiering</h1>');
  });

  it('returns to the login page when the person cancels', async () => {
    const browser = new Browser();
    const login = await follow(browser, new URL('/api/tyrskyla/auth/oidc/login', helppo));
    const done = await submit(browser, login.url, await login.response!.text(), { cancel: '1' });
    expect(done.url.pathname + done.url.search).toBe('/tyrskyla/login?error=oidcFailed');
    expect(browser.jar(helppo.host).has('helppo_session')).toBe(false);
  });
});
