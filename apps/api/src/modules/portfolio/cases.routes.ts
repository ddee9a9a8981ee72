import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Uuid, responses } from '../../platform/http/schemas.js';
import * as cases from './cases.js';
import { casesAtom, casesCsv, casesJson } from './cases.opendata.js';
import { CaseListQuery } from './cases.schema.js';

/**
 * The public case bank, outside any municipality (/api/cases…): every municipality's
 * published cases, readable without login; supporting needs a session from any municipality.
 */
const tags = ['cases'];
const IdParams = Type.Object({ id: Uuid });
const caseRef = Type.Ref('Case');

export const publicCaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const publicCtx = (request: FastifyRequest): cases.PublicCtx => ({
    db: app.deps.db,
    actor: request.actor,
    requestId: request.id,
    baseUrl: app.deps.config.publicUrl,
  });

  app.get(
    '/cases',
    {
      schema: {
        operationId: 'listCases',
        tags,
        summary: 'Published cases of every municipality: search, filters, newest or most supported',
        querystring: CaseListQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref('CaseSummary')) }) }),
      },
    },
    async (request) => cases.listCases(app.deps.db, request.query),
  );

  app.get(
    '/cases/session',
    {
      schema: {
        operationId: 'getCaseBankSession',
        tags,
        summary:
          'Whether someone is signed in (in any municipality), with a CSRF token for supporting',
        response: responses({
          200: Type.Object({
            signedIn: Type.Boolean(),
            name: Type.Union([Type.String(), Type.Null()]),
            staffOf: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
              }),
              { description: 'Municipalities where the person may copy a case (staff there)' },
            ),
            csrfToken: Type.String(),
          }),
        }),
      },
    },
    async (request, reply) => ({
      signedIn: request.actor !== null,
      name: request.actor?.name ?? null,
      staffOf: request.actor
        ? await cases.copyingMunicipalities(app.deps.db, request.actor.personId)
        : [],
      csrfToken: reply.generateCsrf(),
    }),
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        operationId: 'getCase',
        tags,
        summary: 'A published case card with its photos',
        params: IdParams,
        response: responses({ 200: caseRef }),
      },
    },
    async (request) => cases.getCase(publicCtx(request), request.params.id),
  );

  app.get(
    '/cases/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getCasePhoto',
        tags,
        summary: "A published case's photo (JPEG)",
        params: Type.Object({ id: Uuid, photoId: Uuid }),
        response: responses({
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'image/jpeg' }),
        }),
      },
    },
    async (request, reply) => {
      const photo = await cases.casePhoto(
        app.deps.db,
        null,
        request.params.id,
        request.params.photoId,
      );
      return reply
        .type(photo.mime)
        .header('cache-control', 'public, max-age=3600')
        .send(photo.data);
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/cases/:id/support',
      schema: {
        operationId: method === 'PUT' ? 'supportCase' : 'unsupportCase',
        tags,
        summary:
          method === 'PUT' ? 'Support a published case (once per person)' : 'Withdraw the support',
        params: IdParams,
        response: responses({ 200: caseRef }),
      },
      handler: async (request) =>
        cases.supportCase(
          publicCtx(request),
          (request.params as { id: string }).id,
          method === 'PUT',
        ),
    });
  }

  app.get(
    '/cases.json',
    {
      schema: {
        operationId: 'exportCasesJson',
        tags,
        summary: 'Open data: every published case as JSON (schema CaseOpenData)',
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref('CaseOpenData')) }) }),
      },
    },
    async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
      return casesJson(app.deps.db, app.deps.config.publicUrl);
    },
  );

  app.get(
    '/cases.csv',
    {
      schema: {
        operationId: 'exportCasesCsv',
        tags,
        summary: 'Open data: every published case as CSV (the columns of CaseOpenData)',
        response: responses({ 200: Type.String({ description: 'text/csv' }) }),
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .header('content-disposition', 'attachment; filename="tapauspankki.csv"')
        .send(await casesCsv(app.deps.db, app.deps.config.publicUrl)),
  );

  app.get(
    '/cases.atom',
    {
      schema: {
        operationId: 'getCasesFeed',
        tags,
        summary: 'Atom 1.0 feed of the newest published cases',
        response: responses({ 200: Type.String({ description: 'application/atom+xml' }) }),
      },
    },
    async (_request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(await casesAtom(app.deps.db, app.deps.config.publicUrl)),
  );
};
