import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { downloadHeaders } from '../../platform/http/attachments.js';
import { NoContent, Uuid, responses } from '../../platform/http/schemas.js';
import { slug } from './portfolio.schema.js';
import { ideaAttachment, removeIdeaAttachment } from './attachments.js';

const tags = ['portfolio'];
const params = Type.Object({ slug, ideaId: Uuid, attachmentId: Uuid });

/** An idea's files: read one (public like the idea), remove one (the digital team). */
export const ideaAttachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portfolio/ideas/:ideaId/attachments/:attachmentId',
    {
      schema: {
        operationId: 'getIdeaAttachment',
        tags,
        summary: "An idea's image or PDF: public like the idea, a hidden idea's for the team only",
        params,
        response: responses({
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'image/jpeg or application/pdf',
          }),
        }),
      },
    },
    async (request, reply) => {
      const file = await ideaAttachment(
        request.ctx,
        request.params.ideaId,
        request.params.attachmentId,
      );
      const cache = file.hidden ? 'private, no-store' : 'public, max-age=300';
      // Images show on the page (and open in the browser); a PDF is saved, not rendered here.
      const disposition = file.contentType === 'application/pdf' ? 'attachment' : 'inline';
      return reply.headers(downloadHeaders(file, cache, disposition)).send(file.data);
    },
  );

  app.delete(
    '/portfolio/ideas/:ideaId/attachments/:attachmentId',
    {
      schema: {
        operationId: 'removeIdeaAttachment',
        tags,
        summary: 'The digital team removes a file from an idea (moderation, audited)',
        params,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await removeIdeaAttachment(request.ctx, request.params.ideaId, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
};
