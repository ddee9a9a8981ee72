import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import * as admin from './cases.admin.js';
import { copyCase } from './cases.copy.js';
import { CaseBody } from './cases.schema.js';

/** The digital team's case cards under /api/{slug}/cases, and "copy to our municipality". */
const tags = ['cases'];
const slug = SlugParams.properties.slug;
const CaseParams = Type.Object({ slug, id: Uuid });
const PhotoParams = Type.Object({ slug, id: Uuid, photoId: Uuid });
const caseRef = Type.Ref('Case');

export const caseAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cases',
    {
      schema: {
        operationId: 'listMunicipalityCases',
        tags,
        summary: "The municipality's own case cards, drafts included (digital team)",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref('CaseSummary')) }) }),
      },
    },
    async (request) => admin.listOwnCases(request.ctx),
  );

  app.post(
    '/cases',
    {
      schema: {
        operationId: 'createCase',
        tags,
        summary: 'Write a new case card as a draft (digital team)',
        params: SlugParams,
        body: CaseBody,
        response: responses({ 201: caseRef }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await admin.createCase(request.ctx, request.body)),
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        operationId: 'getMunicipalityCase',
        tags,
        summary: 'A case as this municipality sees it: its drafts (team) and any published case',
        params: CaseParams,
        response: responses({ 200: caseRef }),
      },
    },
    async (request) => admin.getCaseHere(request.ctx, request.params.id),
  );

  app.put(
    '/cases/:id',
    {
      schema: {
        operationId: 'updateCase',
        tags,
        summary: 'Edit a case card of the municipality (digital team)',
        params: CaseParams,
        body: CaseBody,
        response: responses({ 200: caseRef }),
      },
    },
    async (request) => admin.updateCase(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/cases/:id',
    {
      schema: {
        operationId: 'deleteCase',
        tags,
        summary: 'Delete a draft case card (digital team)',
        params: CaseParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await admin.deleteCase(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  for (const publish of [true, false]) {
    app.post(
      publish ? '/cases/:id/publish' : '/cases/:id/unpublish',
      {
        schema: {
          operationId: publish ? 'publishCase' : 'unpublishCase',
          tags,
          summary: publish
            ? 'Publish a case card in the shared case bank (digital team)'
            : 'Return a published case card to a draft (digital team)',
          params: CaseParams,
          response: responses({ 200: caseRef }),
        },
      },
      async (request) => admin.publishCase(request.ctx, request.params.id, publish),
    );
  }

  app.post(
    '/cases/:id/photos',
    {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        operationId: 'addCasePhoto',
        tags,
        summary: 'Add a photo (JPEG, PNG or WebP, at most 8 MB; resized to 1600 px JPEG)',
        params: CaseParams,
        body: Type.Object(
          {
            dataBase64: Type.String({
              minLength: 1,
              maxLength: 11_200_000,
              pattern: '^[A-Za-z0-9+/]*={0,2}$',
              description: 'The image file in base64',
            }),
            altText: Type.String({ minLength: 1, maxLength: 300, description: 'Text alternative' }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: caseRef }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await admin.addCasePhoto(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/cases/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getMunicipalityCasePhoto',
        tags,
        summary: "A case's photo as this municipality sees it (drafts' photos for the team)",
        params: PhotoParams,
        response: responses({
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'image/jpeg' }),
        }),
      },
    },
    async (request, reply) => {
      const photo = await admin.casePhotoHere(
        request.ctx,
        request.params.id,
        request.params.photoId,
      );
      return reply.type(photo.mime).header('cache-control', 'private, no-cache').send(photo.data);
    },
  );

  app.delete(
    '/cases/:id/photos/:photoId',
    {
      schema: {
        operationId: 'deleteCasePhoto',
        tags,
        summary: "Remove a case card's photo (digital team)",
        params: PhotoParams,
        response: responses({ 200: caseRef }),
      },
    },
    async (request) =>
      admin.deleteCasePhoto(request.ctx, request.params.id, request.params.photoId),
  );

  app.post(
    '/cases/:id/copy',
    {
      schema: {
        operationId: 'copyCase',
        tags,
        summary:
          "Copy another municipality's published case into this municipality's pipeline as an idea",
        params: CaseParams,
        response: responses({ 201: Type.Object({ ideaId: Uuid, case: caseRef }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await copyCase(request.ctx, request.params.id)),
  );
};
