import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findActorByToken } from '../auth/session.repo.js';
import {
  municipalityWithRoles,
  municipalityWithSession,
} from '../municipality/municipality.repo.js';
import type { Municipality, Role } from './context.js';
import { languageFromHeader } from '../i18n/messages.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'helppo_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per request: the language, the logged-in person (from the session cookie), the CSRF check
 * for state-changing API calls, and for /api/:slug/ routes the municipality and the person's
 * roles there, gathered into request.ctx for the services.
 */
/** The municipality slug of a request to a municipality's API, when it is a valid one. */
function slugOf(request: FastifyRequest): string | null {
  const slug = (request.params as { slug?: unknown } | undefined)?.slug;
  if (typeof slug !== 'string' || !request.routeOptions.url?.startsWith('/api/:slug')) return null;
  return /^[a-z][a-z0-9-]{1,39}$/.test(slug) ? slug : null;
}

export function registerRequestContext(app: FastifyInstance) {
  const { db } = app.deps;
  app.decorateRequest('language', 'fi');
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('tenant', undefined);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
    request.language = languageFromHeader(request.headers['accept-language']) ?? 'fi';
    const token = request.cookies[SESSION_COOKIE];
    // Pages and assets do not need the person; only the API looks the session up.
    if (token && token.length <= 100 && request.url.startsWith('/api/')) {
      const slug = slugOf(request);
      if (slug !== null) {
        // The person, the municipality and the roles there: one statement.
        const found = await municipalityWithSession(db, slug, token);
        request.actor = found?.actor ?? null;
        request.tenant = found ? { municipality: found.municipality, roles: found.roles } : null;
      } else {
        request.actor = await findActorByToken(db.kysely, token);
      }
      if (request.actor) request.language = request.actor.language;
    }
  });

  app.addHook('onRequest', (request, reply, done) => {
    // Machine clients that authenticate with a bearer token instead of the session cookie
    // (door controllers) opt out with `config: { csrf: false }`: CSRF rides on cookies only.
    const optedOut = request.routeOptions.config.csrf === false;
    if (UNSAFE_METHODS.has(request.method) && request.url.startsWith('/api/') && !optedOut) {
      app.csrfProtection(request, reply, done);
    } else {
      done();
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const slug = (request.params as { slug?: unknown } | undefined)?.slug;
    if (typeof slug !== 'string' || !request.routeOptions.url?.startsWith('/api/:slug')) return;
    const actor = request.actor;
    // One statement: the municipality and the person's roles in it (with the session already).
    const found =
      request.tenant !== undefined
        ? request.tenant
        : slugOf(request) !== null
          ? await municipalityWithRoles(db.kysely, slug, actor?.personId ?? null)
          : null;
    if (!found) throw new AppError(404, 'municipalityNotFound', { slug: slug.slice(0, 40) });
    const { municipality, roles } = found;
    request.ctx = {
      db,
      municipality,
      actor,
      roles,
      requestId: request.id,
      language: request.language,
      baseUrl: app.deps.config.publicUrl,
    };
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route takes no session cookie, so it needs no CSRF token. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /** Found with the session when the request came with one (null: no such municipality). */
    tenant: { municipality: Municipality; roles: Role[] } | null | undefined;
  }
}
