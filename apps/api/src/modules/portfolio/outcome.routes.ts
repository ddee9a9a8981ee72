import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { ideaParams } from './portfolio.schema.js';
import { Outcome } from './cases.schema.js';
import { JournalKindSchema } from './journal.routes.js';
import { journalAtom, listJournalFeed } from './journal.feed.js';
import { finishExperiment } from './outcome.js';
import { caseFromExperiment } from './outcome.case.js';

/** The end of an experiment, the public journal feed, and the case card from an experiment. */
const tags = ['portfolio'];

const FeedSchema = Type.Object({
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      ideaId: Uuid,
      ideaTitle: Type.String(),
      ideaStage: Type.String(),
      kind: JournalKindSchema,
      outcome: Type.Union([Outcome, Type.Null()], {
        description: "The experiment's outcome, on its celebration and plain posts",
      }),
      body: Type.String(),
      videoUrl: Type.Union([Type.String(), Type.Null()]),
      author: Type.String(),
      createdAt: DateTime,
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

export const outcomeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/portfolio/ideas/:ideaId/experiment/finish',
    {
      schema: {
        operationId: 'finishExperiment',
        tags,
        summary:
          'The owner or the digital team finishes the experiment once: outcome, lessons, the public post',
        params: ideaParams,
        body: Type.Object(
          {
            outcome: Outcome,
            lessons: Type.String({ minLength: 1, maxLength: 2000 }),
            summary: Type.Optional(Type.String({ maxLength: 1000 })),
            results: Type.Optional(
              Type.String({
                maxLength: 2000,
                description: 'Written results, when the experiment has no metrics',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Ref('PortfolioExperiment') }),
      },
    },
    async (request) => finishExperiment(request.ctx, request.params.ideaId, request.body),
  );

  app.get(
    '/portfolio/journal',
    {
      schema: {
        operationId: 'listJournalFeed',
        tags,
        summary: "The municipality's public journal posts across all experiments, newest first",
        params: SlugParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
        }),
        response: responses({ 200: FeedSchema }),
      },
    },
    async (request) => listJournalFeed(request.ctx, request.query),
  );

  app.get(
    '/portfolio/journal.atom',
    {
      schema: {
        operationId: 'getJournalFeedAtom',
        tags,
        summary: "Atom 1.0 feed of the municipality's newest public journal posts",
        params: SlugParams,
        response: responses({ 200: Type.String({ description: 'application/atom+xml' }) }),
      },
    },
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(await journalAtom(request.ctx)),
  );

  app.post(
    '/portfolio/ideas/:ideaId/case',
    {
      schema: {
        operationId: 'createCaseFromExperiment',
        tags,
        summary:
          'Digital team: a draft case card prefilled from the finished experiment (or the existing one)',
        params: ideaParams,
        response: responses({
          200: Type.Object({ created: Type.Boolean(), case: Type.Ref('Case') }),
          201: Type.Object({ created: Type.Boolean(), case: Type.Ref('Case') }),
        }),
      },
    },
    async (request, reply) => {
      const result = await caseFromExperiment(request.ctx, request.params.ideaId);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
};
