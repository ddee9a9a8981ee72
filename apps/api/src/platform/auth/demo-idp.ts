import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { escapeHtml, standalonePage } from '../http/html.js';
import { isLanguage, languageFromHeader, type Language } from '../i18n/messages.js';

/**
 * "Testitunnistus": a local OpenID Connect provider that stands in for Suomi.fi
 * identification in demo mode, so that strong identification can be tried without a
 * contract with the real service. It speaks the real protocol (oidc-provider: authorization
 * code + PKCE, signed ID tokens, UserInfo), and its login page lets you pick a test person
 * instead of a bank. Never started in production mode.
 */
export interface DemoIdentity {
  sub: string;
  given_name: string;
  family_name: string;
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { sub: 'demo-010180-9026', given_name: 'Tiina', family_name: 'Testaaja' },
  { sub: 'demo-150275-902J', given_name: 'Sven', family_name: 'Testsson' },
  { sub: 'demo-300399-9189', given_name: 'Alex', family_name: 'Example' },
];

const TEXTS: Record<
  Language,
  Record<'title' | 'intro' | 'legend' | 'submit' | 'cancel', string>
> = {
  fi: {
    title: 'Testitunnistus',
    intro:
      'Tämä on Helpon esittelyversion testitunnistus. Se toimii kuten Suomi.fi-tunnistus, mutta oikeaa tunnistamista ei tehdä: valitse testihenkilö, jona haluat kirjautua.',
    legend: 'Testihenkilö',
    submit: 'Tunnistaudu',
    cancel: 'Peruuta ja palaa palveluun',
  },
  sv: {
    title: 'Testidentifiering',
    intro:
      'Det här är testidentifieringen i Helppos demoversion. Den fungerar som Suomi.fi-identifieringen, men ingen riktig identifiering görs: välj den testperson du vill logga in som.',
    legend: 'Testperson',
    submit: 'Identifiera dig',
    cancel: 'Avbryt och återvänd till tjänsten',
  },
  en: {
    title: 'Test identification',
    intro:
      'This is the test identification of the Helppo demo. It works like Suomi.fi identification, but no real identification takes place: choose the test person you want to log in as.',
    legend: 'Test person',
    submit: 'Identify',
    cancel: 'Cancel and return to the service',
  },
};

export interface DemoIdpOptions {
  /** The address browsers and Helppo reach the provider at, e.g. http://localhost:3001 */
  issuer: string;
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

function page(language: Language, uid: string): string {
  const t = TEXTS[language];
  const options = DEMO_IDENTITIES.map(
    (person, i) => `
        <div class="option">
          <input type="radio" id="p${i}" name="sub" value="${escapeHtml(person.sub)}"${i === 0 ? ' checked' : ''}>
          <label for="p${i}">${escapeHtml(`${person.given_name} ${person.family_name}`)}</label>
        </div>`,
  ).join('');
  return standalonePage({
    language,
    title: t.title,
    style: `    main { max-width: 36rem; }
    h1 { font-size: 1.75rem; margin-top: 0; }
    fieldset { border: 0; padding: 0; margin: 1rem 0; }
    legend { font-weight: 600; margin-bottom: .5rem; }
    .option { padding: .4rem 0; font-size: 1.1rem; }
    input[type=radio] { width: 1.2rem; height: 1.2rem; vertical-align: middle; }
    button { font-size: 1rem; padding: .6rem 1.2rem; background: #2a6ebb; color: #fff; border: 0; cursor: pointer; }
    button.secondary { background: #fff; color: #2a6ebb; border: 1px solid #2a6ebb; }
    button:focus, input:focus { outline: 3px solid #1a99c7; outline-offset: 2px; }`,
    body: `    <h1>${t.title}</h1>
    <p>${t.intro}</p>
    <form method="post" action="/interaction/${escapeHtml(uid)}">
      <fieldset>
        <legend>${t.legend}</legend>${options}
      </fieldset>
      <div class="actions">
        <button type="submit">${t.submit}</button>
        <button type="submit" name="cancel" value="1" class="secondary">${t.cancel}</button>
      </div>
    </form>`,
  });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

export async function startDemoIdp(
  options: DemoIdpOptions,
): Promise<{ close: () => Promise<void> }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'] },
    features: { devInteractions: { enabled: false } },
    // Short lifetimes: a test identification is used at once.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    // The service is the municipality's own: no separate consent step, as with Suomi.fi.
    loadExistingGrant: async (ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string } };
    }) => {
      const grant = new provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const person = DEMO_IDENTITIES.find((p) => p.sub === sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({ ...person, name: `${person.given_name} ${person.family_name}` }),
      };
    },
  });
  const handle = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      const locale = String(details.params.ui_locales ?? '').split(' ')[0];
      const language = isLanguage(locale)
        ? locale
        : (languageFromHeader(req.headers['accept-language']) ?? 'fi');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(page(language, details.uid));
      return;
    }
    const form = await readForm(req);
    const person = DEMO_IDENTITIES.find((p) => p.sub === form.get('sub'));
    const result =
      form.has('cancel') || !person
        ? { error: 'access_denied', error_description: 'The user cancelled the identification' }
        : { login: { accountId: person.sub } };
    await provider.interactionFinished(req, res, result);
  };

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(
          'Tunnistus on vanhentunut. Aloita alusta palvelussa.\n' +
            'Identifieringen har gått ut. Börja om i tjänsten.\n' +
            'The identification has expired. Start again from the service.\n',
        );
      });
    } else {
      handle(req, res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
