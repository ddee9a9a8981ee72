import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { inTenant } from '../db/database.js';
import { findMunicipalityBySlug } from '../municipality/municipality.repo.js';
import { AppError } from './errors.js';

/**
 * The web app loads only its own scripts and talks only to its own origin. Inline styles are
 * allowed because the design system (styled-components) injects its CSS at run time.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const DEFAULT_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

/**
 * Serves the built web app: static assets, and index.html for every page address (the app
 * routes on the client). A page under a slug that is no municipality gets status 404, and
 * an unknown /api/ address a problem document.
 */
export async function registerWeb(app: FastifyInstance) {
  const { config, db } = app.deps;
  const dist = config.webDistDir ?? DEFAULT_DIST;
  const indexFile = dist + '/index.html';
  const hasWeb = existsSync(indexFile);
  // The static plugin sets its own cache-control after setHeaders, so the exceptions to its
  // one hour are made when the answer is sent: hashed assets never change, and the service
  // worker and the manifest are checked on every load, so a new build replaces them at once.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!hasWeb || reply.statusCode >= 400) return payload;
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/assets/'))
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    else if (path === '/sw.js' || path === '/manifest.webmanifest')
      reply.header('cache-control', 'no-cache');
    return payload;
  });
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: false,
      maxAge: '1h',
    });
  }
  const index = () => readFileSync(indexFile, 'utf8');

  const servePage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const host = (request.hostname ?? '').split(':')[0]?.toLowerCase() ?? '';
    const mapped = config.hostMunicipalities[host];
    if (path === '/' && mapped && request.method === 'GET') {
      return reply.redirect(`/${mapped}/`, 302);
    }
    if (path.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      throw new AppError(404, 'notFound');
    }

    const slug = path.split('/')[1] ?? '';
    let status = 200;
    // /cases is the case bank shared by every municipality, not a municipality's slug.
    if (slug && slug !== 'cases') {
      const known =
        /^[a-z][a-z0-9-]{1,39}$/.test(slug) &&
        (await inTenant(db, null, (tx) => findMunicipalityBySlug(tx, slug)));
      if (!known) status = 404;
    }
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .send(index());
  };
  // The root is not a file: without its own route the static plugin would answer 403.
  app.get('/', { schema: { hide: true } }, servePage);
  app.setNotFoundHandler(servePage);
}
