import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { startRuntime } from '../../../test/helpers.js';
import { Browser, freePort } from '../../../test/http-browser.js';
import { asSystem } from '../db/database.js';

/** The part of oidc-provider's API this test uses. */
interface InteractionDetails {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, unknown>;
  session?: { accountId?: string };
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  };
}

const CLIENT_ID = 'helppo-test';
const CLIENT_SECRET = randomBytes(16).toString('hex');
/** The subject the provider logs in at the next login prompt (tests run one at a time). */
let nextSubject = '';
const identityOf = (sub: string) => ({
  sub,
  name: `Olli Oidc ${sub}`,
  email: `${sub}@oidc.example`,
  email_verified: true,
});

/** A real OpenID provider; the login and consent pages are answered without a human. */
async function startProvider(redirectUri: string) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new (Provider as new (issuer: string, config: object) => OidcProvider)(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        // openid-client (and so Helppo) authenticates with client_secret_post by default.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    // Conforming to OpenID Connect Core 5.4, the profile claims are not in the ID token of the
    // code flow: Helppo has to fetch them from the UserInfo endpoint.
    conformIdTokenClaims: true,
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => identityOf(sub),
    }),
  });
  const handle = provider.callback();
  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: nextSubject } });
      } else if (details.prompt.name === 'consent') {
        const grant = new provider.Grant({
          accountId: details.session!.accountId!,
          clientId: String(details.params.client_id),
        });
        const missing = details.prompt.details;
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
      } else {
        throw new Error(`unexpected prompt ${details.prompt.name}`);
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  };
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) void interaction(req, res);
    else handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}

let rt: Awaited<ReturnType<typeof startRuntime>>;
let provider: Awaited<ReturnType<typeof startProvider>>;
let helppo: URL;

beforeAll(async () => {
  const port = await freePort();
  helppo = new URL(`http://localhost:${port}`);
  provider = await startProvider(new URL('/api/tyrskyla/auth/oidc/callback', helppo).href);
  rt = await startRuntime({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_ALLOW_HTTP: 'true',
    PUBLIC_URL: helppo.origin,
  });
  await rt.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await rt?.dispose();
  await provider?.close();
});

/**
 * Identify as `subject` in a fresh browser: Helppo → provider → login and consent → Helppo's
 * callback → the page Helppo sends the browser to. `forge` may change the pending-login cookie
 * and `tamper` the callback address on the way.
 */
async function identify(
  subject: string,
  returnTo: string,
  options: { forge?: (browser: Browser) => void; tamper?: (callback: URL) => void } = {},
) {
  nextSubject = subject;
  const browser = new Browser();
  let url = new URL(
    `/api/tyrskyla/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
    helppo,
  );
  for (let hop = 0; hop < 12; hop++) {
    if (url.origin === helppo.origin && !url.pathname.startsWith('/api/')) {
      return {
        location: url.pathname + url.search,
        session: browser.jar(helppo.host).get('helppo_session'),
      };
    }
    if (url.pathname.endsWith('/auth/oidc/callback')) options.tamper?.(url);
    const response = await browser.fetch(url);
    if (response.status < 300 || response.status > 399) {
      throw new Error(`${response.status} at ${url.href}: ${await response.text()}`);
    }
    if (hop === 0) options.forge?.(browser);
    url = new URL(response.headers.get('location')!, url);
  }
  throw new Error('too many redirects');
}

async function currentUser(session: string) {
  const response = await rt.app.inject({
    url: '/api/tyrskyla/session',
    headers: { cookie: `helppo_session=${session}` },
  });
  return response.json() as {
    user: { id: string; name: string; email: string | null } | null;
    roles: string[];
  };
}

const failedLogins = () =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('audit_events')
      .innerJoin('municipalities', 'municipalities.id', 'audit_events.municipality_id')
      .select(['audit_events.details'])
      .where('municipalities.slug', '=', 'tyrskyla')
      .where('action', '=', 'auth.login.failed')
      .execute(),
  );

describe('OpenID Connect login', () => {
  it('identifies a new resident, returns to the page asked for and reuses the person next time', async () => {
    const first = await identify('sub-happy', '/tyrskyla/notifications');
    expect(first.location).toBe('/tyrskyla/notifications');
    expect(first.session).toBeTruthy();
    const me = await currentUser(first.session!);
    expect(me.user).toMatchObject({ name: 'Olli Oidc sub-happy', email: 'sub-happy@oidc.example' });
    expect(me.roles).toEqual(['resident']);

    const second = await identify('sub-happy', '/tyrskyla/notifications');
    expect(second.session).toBeTruthy();
    expect(second.session).not.toBe(first.session);
    expect((await currentUser(second.session!)).user?.id).toBe(me.user!.id);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const before = (await failedLogins()).length;
    const result = await identify('sub-state', '/tyrskyla/notifications', {
      tamper: (callback) => callback.searchParams.set('state', 'forged-state'),
    });
    expect(result.location).toBe('/tyrskyla/login?error=oidcFailed');
    expect(result.session).toBeUndefined();
    const failed = await failedLogins();
    expect(failed).toHaveLength(before + 1);
    expect(failed.at(-1)?.details).toEqual({ method: 'oidc' });
  });

  it('refuses an ID token whose nonce does not match the pending login', async () => {
    const before = (await failedLogins()).length;
    const result = await identify('sub-nonce', '/tyrskyla/', {
      forge: (browser) => {
        const jar = browser.jar(helppo.host);
        const unsigned = rt.app.unsignCookie(decodeURIComponent(jar.get('helppo_oidc')!));
        expect(unsigned.valid).toBe(true);
        const pending = JSON.parse(unsigned.value!) as { nonce: string };
        const forged = { ...pending, nonce: 'forged-nonce' };
        jar.set('helppo_oidc', encodeURIComponent(rt.app.signCookie(JSON.stringify(forged))));
      },
    });
    expect(result.location).toBe('/tyrskyla/login?error=oidcFailed');
    expect(result.session).toBeUndefined();
    expect(await failedLogins()).toHaveLength(before + 1);
  });

  it.each(['https://evil.example/', '/pyharanta/', '//evil.example/tyrskyla/'])(
    'returns to the municipality front page instead of %s',
    async (returnTo) => {
      const result = await identify(`sub-${randomBytes(4).toString('hex')}`, returnTo);
      expect(result.location).toBe('/tyrskyla/');
      expect(result.session).toBeTruthy();
    },
  );

  it('answers 404 when no provider is configured', async () => {
    const plain = await startRuntime();
    try {
      const response = await plain.app.inject({ url: '/api/tyrskyla/auth/oidc/login' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('oidcDisabled');
      expect((await plain.app.inject({ url: '/api/tyrskyla/session' })).json().oidcEnabled).toBe(
        false,
      );
    } finally {
      await plain.dispose();
    }
  });
});
