import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { inTenant } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { SlugParams, responses } from '../http/schemas.js';
import { completeLogin, startLogin, type PendingLogin } from './oidc.js';
import { loginWithIdentity } from './oidc.service.js';
import { setSessionCookie } from './auth.routes.js';

const PENDING_COOKIE = 'helppo_oidc';
const Redirect = Type.Null({ description: 'Redirect (Location header)' });

/** Only same-municipality paths: an open redirect would make the login page a phishing tool. */
function safeReturnTo(slug: string, returnTo: string | undefined): string {
  const home = `/${slug}/`;
  if (
    !returnTo ||
    !returnTo.startsWith(home) ||
    returnTo.includes('//', 1) ||
    returnTo.includes('\\')
  ) {
    return home;
  }
  return returnTo;
}

export const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, oidc } = app.deps;
  const callbackPath = (slug: string) => `/api/${slug}/auth/oidc/callback`;

  app.get(
    '/auth/oidc/login',
    {
      schema: {
        operationId: 'startOidcLogin',
        tags: ['auth'],
        summary: 'Start identification at the OpenID Connect provider (redirects)',
        params: SlugParams,
        querystring: Type.Object(
          { returnTo: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: responses({ 302: Redirect }),
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError(404, 'oidcDisabled');
      const { slug } = request.ctx.municipality;
      const returnTo = safeReturnTo(slug, request.query.returnTo);
      const redirectUri = new URL(callbackPath(slug), config.publicUrl).href;
      const { url, pending } = await startLogin(oidc, redirectUri, returnTo, request.language);
      reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
        path: callbackPath(slug),
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        operationId: 'completeOidcLogin',
        tags: ['auth'],
        summary: 'Return address of the OpenID Connect provider (redirects)',
        params: SlugParams,
        querystring: Type.Object({}, { additionalProperties: Type.String({ maxLength: 4000 }) }),
        response: responses({ 302: Redirect }),
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError(404, 'oidcDisabled');
      const ctx = request.ctx;
      const { slug } = ctx.municipality;
      const raw = request.cookies[PENDING_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : null;
      reply.clearCookie(PENDING_COOKIE, { path: callbackPath(slug) });
      let pending: PendingLogin | null = null;
      try {
        pending =
          unsigned?.valid && unsigned.value ? (JSON.parse(unsigned.value) as PendingLogin) : null;
      } catch {
        pending = null;
      }
      try {
        if (!pending) throw new Error('no pending login');
        const callbackUrl = new URL(request.url, config.publicUrl);
        const identity = await completeLogin(oidc, callbackUrl, pending);
        const token = await loginWithIdentity(ctx, oidc.issuer, identity);
        setSessionCookie(reply, token, config.cookieSecure);
        return reply.redirect(safeReturnTo(slug, pending.returnTo), 302);
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC login failed');
        await inTenant(ctx.db, ctx.municipality.id, (tx) =>
          audit(tx, ctx, 'auth.login.failed', null, { method: 'oidc' }),
        );
        return reply.redirect(`/${slug}/login?error=oidcFailed`, 302);
      }
    },
  );
};
