import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { ATTACHMENT_BODY_LIMIT } from '../../platform/http/attachments.js';
import {
  CreateIdeaBody,
  IdeaBody,
  IdeaFilter,
  PersonRef,
  StageChangeBody,
  StagesBody,
  ideaParams,
  slug,
} from './portfolio.schema.js';
import { addComment, createIdea, getIdea, listIdeas, setFollow, setSupport } from './ideas.js';
import { changeIdeaStage, hideComment, mergeIdeas, setHidden, updateIdea } from './moderation.js';
import { listStages, updateStages } from './config.js';

const idea = Type.Ref('PortfolioIdea');
const tags = ['portfolio'];

/** Ideas, their moderation and the pipeline. */
export const portfolioRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portfolio/ideas',
    {
      schema: {
        operationId: 'listIdeas',
        tags,
        summary: 'Ideas, newest or most supported first, with filters',
        params: SlugParams,
        querystring: IdeaFilter,
        response: responses({
          200: Type.Object({
            items: Type.Array(Type.Ref('PortfolioIdeaSummary')),
            facets: Type.Object(
              {
                themes: Type.Array(Type.String()),
                departments: Type.Array(Type.String()),
                owners: Type.Array(PersonRef),
              },
              { description: 'What the list can be filtered by, over every listable idea' },
            ),
          }),
        }),
      },
    },
    async (request) => listIdeas(request.ctx, request.query),
  );

  app.post(
    '/portfolio/ideas',
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        operationId: 'createIdea',
        tags,
        summary:
          'Submit an idea with its images and PDF files (residents and staff); the submitter follows it',
        params: SlugParams,
        body: CreateIdeaBody,
        response: responses({ 201: idea }),
      },
    },
    async (request, reply) => reply.status(201).send(await createIdea(request.ctx, request.body)),
  );

  app.get(
    '/portfolio/ideas/:ideaId',
    {
      schema: {
        operationId: 'getIdea',
        tags,
        summary: 'An idea with its comments and history (a hidden one shows its reason only)',
        params: ideaParams,
        response: responses({ 200: idea }),
      },
    },
    async (request) => getIdea(request.ctx, request.params.ideaId),
  );

  app.put(
    '/portfolio/ideas/:ideaId',
    {
      schema: {
        operationId: 'updateIdea',
        tags,
        summary: 'Digital team: edit an idea',
        params: ideaParams,
        body: IdeaBody,
        response: responses({ 200: idea }),
      },
    },
    async (request) => updateIdea(request.ctx, request.params.ideaId, request.body),
  );

  for (const [method, operationId, on] of [
    ['put', 'supportIdea', true],
    ['delete', 'unsupportIdea', false],
  ] as const) {
    app[method](
      '/portfolio/ideas/:ideaId/support',
      {
        schema: {
          operationId,
          tags,
          summary: on ? 'Support an idea (once per person) and follow it' : 'Withdraw a support',
          params: ideaParams,
          response: responses({
            200: Type.Object({ supportCount: Type.Integer(), supportedByMe: Type.Boolean() }),
          }),
        },
      },
      async (request) => setSupport(request.ctx, request.params.ideaId, on),
    );
  }

  for (const [method, operationId, on] of [
    ['put', 'followIdea', true],
    ['delete', 'unfollowIdea', false],
  ] as const) {
    app[method](
      '/portfolio/ideas/:ideaId/follow',
      {
        schema: {
          operationId,
          tags,
          summary: on ? 'Follow an idea: hear of every change of stage' : 'Stop following',
          params: ideaParams,
          response: responses({ 200: Type.Object({ followedByMe: Type.Boolean() }) }),
        },
      },
      async (request) => setFollow(request.ctx, request.params.ideaId, on),
    );
  }

  app.post(
    '/portfolio/ideas/:ideaId/comments',
    {
      schema: {
        operationId: 'addIdeaComment',
        tags,
        summary: 'Comment on an idea',
        params: ideaParams,
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: responses({
          201: Type.Object({
            id: Uuid,
            author: Type.String(),
            body: Type.String(),
            hidden: Type.Boolean(),
            createdAt: Type.String({ format: 'date-time' }),
          }),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addComment(request.ctx, request.params.ideaId, request.body.body)),
  );

  app.post(
    '/portfolio/comments/:commentId/hide',
    {
      schema: {
        operationId: 'hideIdeaComment',
        tags,
        summary: 'Digital team: hide a comment',
        params: Type.Object({ slug, commentId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await hideComment(request.ctx, request.params.commentId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/portfolio/ideas/:ideaId/hide',
    {
      schema: {
        operationId: 'hideIdea',
        tags,
        summary: 'Digital team: hide an idea, with a reason shown publicly in its place',
        params: ideaParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: idea }),
      },
    },
    async (request) => setHidden(request.ctx, request.params.ideaId, request.body.reason),
  );

  app.post(
    '/portfolio/ideas/:ideaId/show',
    {
      schema: {
        operationId: 'showIdea',
        tags,
        summary: 'Digital team: show a hidden idea again',
        params: ideaParams,
        response: responses({ 200: idea }),
      },
    },
    async (request) => setHidden(request.ctx, request.params.ideaId, null),
  );

  app.post(
    '/portfolio/ideas/:ideaId/merge',
    {
      schema: {
        operationId: 'mergeIdeas',
        tags,
        summary:
          'Digital team: merge duplicates into this idea (supports, followers and comments move; a person counts once)',
        params: ideaParams,
        body: Type.Object(
          { duplicateIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: idea }),
      },
    },
    async (request) => mergeIdeas(request.ctx, request.params.ideaId, request.body.duplicateIds),
  );

  app.post(
    '/portfolio/ideas/:ideaId/stage',
    {
      schema: {
        operationId: 'changeIdeaStage',
        tags,
        summary:
          "Digital team: move an idea to a stage, giving the stage's required fields; followers are told",
        params: ideaParams,
        body: StageChangeBody,
        response: responses({ 200: idea }),
      },
    },
    async (request) => changeIdeaStage(request.ctx, request.params.ideaId, request.body),
  );

  app.get(
    '/portfolio/stages',
    {
      schema: {
        operationId: 'listPortfolioStages',
        tags,
        summary: "The municipality's pipeline of stages, in order",
        params: SlugParams,
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Ref('PortfolioStage')) }),
        }),
      },
    },
    async (request) => listStages(request.ctx),
  );

  app.put(
    '/portfolio/stages',
    {
      schema: {
        operationId: 'updatePortfolioStages',
        tags,
        summary: 'Digital team: replace the pipeline (stages in use must stay)',
        params: SlugParams,
        body: StagesBody,
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Ref('PortfolioStage')) }),
        }),
      },
    },
    async (request) => updateStages(request.ctx, request.body),
  );
};
