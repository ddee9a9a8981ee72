import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Configuration comes from the environment and is validated once at boot; a bad value stops
 * the server with a message naming the variable. `.env.example` lists every variable.
 */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Optional(Type.String()),
  HELPPO_MODE: Type.Optional(Type.Union([Type.Literal('demo'), Type.Literal('production')])),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  LISTEN_BACKLOG: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  PGLITE_DIR: Type.Optional(Type.String({ minLength: 1 })),
  LOG_LEVEL: Type.Optional(
    Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    ),
  ),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.Optional(Type.String({ minLength: 3 })),
  OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_ALLOW_HTTP: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  OIDC_CLIENT_AUTH: Type.Optional(
    Type.Union([Type.Literal('client_secret_post'), Type.Literal('client_secret_basic')]),
  ),
  HOST_MUNICIPALITIES: Type.Optional(Type.String()),
  LOGIN_RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  COOKIE_SECURE: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  WEB_DIST_DIR: Type.Optional(Type.String({ minLength: 1 })),
  JOB_WORKER: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  PAYMENT_PROVIDER: Type.Optional(Type.Union([Type.Literal('demo'), Type.Literal('paytrail')])),
  PAYTRAIL_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  PAYTRAIL_ACCOUNT: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })),
  PAYTRAIL_SECRET: Type.Optional(Type.String({ minLength: 8 })),
  DEMO_IDP: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  DEMO_IDP_PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  TRUST_PROXY: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ACCESS_PIN_BEFORE_MINUTES: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  ACCESS_PIN_AFTER_MINUTES: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  ACCESS_CONFIRM_SECONDS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,4}$' })),
  MQTT_URL: Type.Optional(Type.String({ pattern: '^(mqtts?|wss?)://' })),
  // Web Push: an uncompressed P-256 public key (65 bytes) and its private key (32 bytes),
  // base64url as web-push generate-vapid-keys prints them; the contact for push services.
  VAPID_PUBLIC_KEY: Type.Optional(Type.String({ pattern: '^B[A-Za-z0-9_-]{86}$' })),
  VAPID_PRIVATE_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })),
  VAPID_SUBJECT: Type.Optional(Type.String({ pattern: '^(mailto:[^@\\s]+@[^@\\s]+|https://.+)$' })),
});

export interface Config {
  mode: 'demo' | 'production';
  port: number;
  host: string;
  /**
   * Connections the kernel queues for accepting (capped by net.core.somaxconn). Node's own
   * default, 511, overflows when a registration opens and a thousand browsers connect in
   * the same instant: the dropped handshakes are retried by the clients a second (and three
   * seconds) later, which is what a guardian then waits.
   */
  listenBacklog: number;
  publicUrl: string;
  database: { url?: string; poolSize: number; pgliteDir?: string };
  logLevel: string;
  smtpUrl?: string;
  mailFrom: string;
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret?: string;
    clientAuth: 'client_secret_post' | 'client_secret_basic';
    allowHttp: boolean;
  };
  /** host name → municipality slug, e.g. `tyrskyla.fi=tyrskyla` */
  hostMunicipalities: Record<string, string>;
  loginRateLimitPerMinute: number;
  cookieSecure: boolean;
  webDistDir?: string;
  jobWorker: boolean;
  /**
   * Which proxies may tell the client's address (X-Forwarded-For): false, true, or the
   * proxies' addresses (comma-separated, CIDR allowed). Off by default, or anyone could dodge the login rate limit with the header.
   */
  trustProxy: boolean | string;
  /** demo: the built-in test payment page (demo mode only); paytrail: the real provider. */
  payments: {
    provider: 'demo' | 'paytrail';
    paytrail?: { baseUrl: string; account: string; secret: string };
  };
  /**
   * Demo mode without OIDC_ISSUER: start the local test identification provider on this
   * port (default PORT + 1) so that identification can be tried. null when off.
   */
  demoIdpPort: number | null;
  /**
   * Door access: a booking's PIN works from this many minutes before the start until this
   * many after the end; MQTT doors are reached through the broker at mqttUrl (none: MQTT doors
   * cannot be reached, their grants are retried and end failed, visibly to staff). A pushed
   * grant the door has not confirmed in confirmSeconds is sent again, the wait doubling.
   */
  access: {
    pinBeforeMinutes: number;
    pinAfterMinutes: number;
    confirmSeconds: number;
    mqttUrl?: string;
  };
  /**
   * Web Push (VAPID, RFC 8292): the key pair from the environment, or null to use the pair
   * generated at first start and kept in the database. The subject is the contact that push
   * services see (mailto: or https:).
   */
  push: { keys: { publicKey: string; privateKey: string } | null; subject: string };
  /** Interval of the live streams' keep-alive and session check (tests shorten it). */
  streamHeartbeatMs?: number;
}

export class ConfigError extends Error {}

/** `data/pglite` at the top of the repository, whichever folder the server is started from. */
const DEFAULT_PGLITE_DIR = fileURLToPath(new URL('../../../data/pglite', import.meta.url));

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const errors = [...Value.Errors(EnvSchema, picked)];
  if (errors.length > 0) {
    const list = errors.map((e) => `${e.path.slice(1)}: ${e.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${list}`);
  }
  const e = picked as Static<typeof EnvSchema>;
  const mode = e.HELPPO_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'demo');
  const port = Number(e.PORT ?? 3000);
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new ConfigError('Invalid configuration: OIDC_CLIENT_ID is required with OIDC_ISSUER');
  }
  if (mode === 'production' && !e.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration: PUBLIC_URL is required in production mode');
  }
  const hostMunicipalities: Record<string, string> = {};
  for (const pair of (e.HOST_MUNICIPALITIES ?? '').split(',').filter(Boolean)) {
    const [host, slug] = pair.split('=').map((part) => part.trim().toLowerCase());
    if (!host || !slug) {
      throw new ConfigError(`Invalid configuration: HOST_MUNICIPALITIES entry "${pair}"`);
    }
    hostMunicipalities[host] = slug;
  }
  return {
    mode,
    port,
    host: e.HOST ?? '::',
    listenBacklog: Number(e.LISTEN_BACKLOG ?? 4096),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${port}`,
    database: {
      url: e.DATABASE_URL,
      poolSize: Number(e.DATABASE_POOL_SIZE ?? 10),
      pgliteDir: e.DATABASE_URL ? undefined : (e.PGLITE_DIR ?? DEFAULT_PGLITE_DIR),
    },
    logLevel: e.LOG_LEVEL ?? 'info',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'Helppo <noreply@helppo.example>',
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID!,
          clientSecret: e.OIDC_CLIENT_SECRET,
          clientAuth: e.OIDC_CLIENT_AUTH ?? 'client_secret_post',
          allowHttp: e.OIDC_ALLOW_HTTP === 'true',
        }
      : undefined,
    hostMunicipalities,
    loginRateLimitPerMinute: Number(e.LOGIN_RATE_LIMIT_PER_MINUTE ?? 30),
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : mode === 'production',
    webDistDir: e.WEB_DIST_DIR,
    jobWorker: e.JOB_WORKER !== 'false',
    payments: paymentConfig(mode, e),
    demoIdpPort:
      mode === 'demo' && !e.OIDC_ISSUER && e.DEMO_IDP !== 'false'
        ? Number(e.DEMO_IDP_PORT ?? port + 1)
        : null,
    access: {
      pinBeforeMinutes: Number(e.ACCESS_PIN_BEFORE_MINUTES ?? 15),
      pinAfterMinutes: Number(e.ACCESS_PIN_AFTER_MINUTES ?? 15),
      confirmSeconds: Number(e.ACCESS_CONFIRM_SECONDS ?? 60),
      mqttUrl: e.MQTT_URL,
    },
    push: pushConfig(e),
    trustProxy:
      e.TRUST_PROXY === undefined || e.TRUST_PROXY === 'false'
        ? false
        : e.TRUST_PROXY === 'true'
          ? true
          : e.TRUST_PROXY,
  };
}

function pushConfig(e: Static<typeof EnvSchema>): Config['push'] {
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) {
    throw new ConfigError(
      'Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together',
    );
  }
  // The sender address of the emails is a contact the push services can use too.
  const mailAddress = /<([^>]+)>/.exec(e.MAIL_FROM ?? '')?.[1] ?? e.MAIL_FROM;
  const fromMail =
    mailAddress && mailAddress.includes('@') ? mailAddress : 'noreply@helppo.example';
  return {
    keys:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
        ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
        : null,
    subject: e.VAPID_SUBJECT ?? `mailto:${fromMail}`,
  };
}

function paymentConfig(
  mode: 'demo' | 'production',
  e: Static<typeof EnvSchema>,
): Config['payments'] {
  const provider = e.PAYMENT_PROVIDER ?? (mode === 'demo' ? 'demo' : 'paytrail');
  if (provider === 'demo') {
    if (mode === 'production')
      throw new ConfigError(
        'Invalid configuration: the demo payment provider is for demo mode only',
      );
    return { provider };
  }
  if (mode === 'production' && (!e.PAYTRAIL_ACCOUNT || !e.PAYTRAIL_SECRET)) {
    throw new ConfigError(
      'Invalid configuration: PAYTRAIL_ACCOUNT and PAYTRAIL_SECRET are required',
    );
  }
  return {
    provider,
    paytrail: {
      baseUrl: e.PAYTRAIL_URL ?? 'https://services.paytrail.com',
      // Paytrail's public test merchant is the documented default for development.
      account: e.PAYTRAIL_ACCOUNT ?? '375917',
      secret: e.PAYTRAIL_SECRET ?? 'SAIPPUAKAUPPIAS',
    },
  };
}
