import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, NoContent, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { ideaParams, slug } from './portfolio.schema.js';
import { addJournalPost, journalPhoto, listJournal, MAX_JOURNAL_PHOTOS } from './journal.js';
import { deleteJournalPost, updateJournalPost } from './journal.edit.js';

const tags = ['portfolio'];
const Visibility = Type.Union([Type.Literal('public'), Type.Literal('internal')]);
export const JournalKindSchema = StringEnum(['post', 'declaration', 'celebration'], {
  description:
    'post: written in the journal; declaration: the 24 h declaration; celebration: adopted or changed',
});

const JournalSchema = Type.Object({
  canPost: Type.Boolean({
    description: 'The owner, a team member or the digital team: may write posts',
  }),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      body: Type.String(),
      videoUrl: Type.Union([Type.String(), Type.Null()]),
      visibility: Visibility,
      kind: JournalKindSchema,
      celebration: Type.Boolean({ description: 'kind = celebration (kept for older clients)' }),
      author: Type.String(),
      createdAt: DateTime,
      editedAt: Type.Union([DateTime, Type.Null()]),
      canEdit: Type.Boolean({ description: 'Its author (still an insider) or the digital team' }),
      photos: Type.Array(
        Type.Object({
          id: Uuid,
          width: Type.Integer(),
          height: Type.Integer(),
          altText: Type.String(),
        }),
      ),
    }),
  ),
});

/** The experiment journal: posts newest first, a post with photos, a photo. */
export const journalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portfolio/ideas/:ideaId/journal',
    {
      schema: {
        operationId: 'listJournal',
        tags,
        summary: "An experiment's journal, newest first: public posts for anyone, all for insiders",
        params: ideaParams,
        response: responses({ 200: JournalSchema }),
      },
    },
    async (request) => listJournal(request.ctx, request.params.ideaId),
  );

  app.post(
    '/portfolio/ideas/:ideaId/journal',
    {
      // Up to four photos of at most 8 MB each, in base64.
      bodyLimit: 46 * 1024 * 1024,
      schema: {
        operationId: 'addJournalPost',
        tags,
        summary:
          'The owner, a team member or the digital team writes a journal post (photos resized to JPEG)',
        params: ideaParams,
        body: Type.Object(
          {
            body: Type.String({ maxLength: 4000 }),
            videoUrl: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
            visibility: Visibility,
            photos: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    dataBase64: Type.String({
                      minLength: 1,
                      maxLength: 11_200_000,
                      pattern: '^[A-Za-z0-9+/]*={0,2}$',
                      description: 'The image file in base64 (JPEG, PNG or WebP, at most 8 MB)',
                    }),
                    altText: Type.String({ maxLength: 300, description: 'Text alternative' }),
                  },
                  { additionalProperties: false },
                ),
                // The service refuses more than MAX_JOURNAL_PHOTOS with a clear message.
                { maxItems: MAX_JOURNAL_PHOTOS + 4 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addJournalPost(request.ctx, request.params.ideaId, request.body)),
  );

  const postParams = Type.Object({ slug, ideaId: Uuid, postId: Uuid });

  app.put(
    '/portfolio/ideas/:ideaId/journal/:postId',
    {
      schema: {
        operationId: 'updateJournalPost',
        tags,
        summary: 'Its author or the digital team edits a journal post (the photos stay)',
        params: postParams,
        body: Type.Object(
          {
            body: Type.String({ maxLength: 4000 }),
            videoUrl: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
            visibility: Visibility,
          },
          { additionalProperties: false },
        ),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const { ideaId, postId } = request.params;
      await updateJournalPost(request.ctx, ideaId, postId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/portfolio/ideas/:ideaId/journal/:postId',
    {
      schema: {
        operationId: 'deleteJournalPost',
        tags,
        summary: 'Its author or the digital team deletes a journal post with its photos',
        params: postParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await deleteJournalPost(request.ctx, request.params.ideaId, request.params.postId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/portfolio/ideas/:ideaId/journal/photos/:photoId',
    {
      schema: {
        operationId: 'getJournalPhoto',
        tags,
        summary: "A journal post's photo (JPEG), readable exactly when its post is",
        params: Type.Object({ slug, ideaId: Uuid, photoId: Uuid }),
        response: responses({
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'image/jpeg' }),
        }),
      },
    },
    async (request, reply) => {
      const photo = await journalPhoto(request.ctx, request.params.ideaId, request.params.photoId);
      const cache = photo.visibility === 'public' ? 'public, max-age=300' : 'private, no-cache';
      return reply.type(photo.mime).header('cache-control', cache).send(photo.data);
    },
  );
};
