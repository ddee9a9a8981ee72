import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { inTenant } from '../db/database.js';
import { findMunicipalityBySlug } from '../municipality/municipality.repo.js';
import { AppError } from './errors.js';

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
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.includes('/assets/'))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const index = () => readFileSync(indexFile, 'utf8');

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      throw new AppError(404, 'notFound');
    }
    const host = (request.hostname ?? '').split(':')[0]?.toLowerCase() ?? '';
    const mapped = config.hostMunicipalities[host];
    if (path === '/' && mapped) return reply.redirect(`/${mapped}/`, 302);

    const slug = path.split('/')[1] ?? '';
    let status = 200;
    if (slug) {
      const known =
        /^[a-z][a-z0-9-]{1,39}$/.test(slug) &&
        (await inTenant(db, null, (tx) => findMunicipalityBySlug(tx, slug)));
      if (!known) status = 404;
    }
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(index());
  });
}
