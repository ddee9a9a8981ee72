import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, responses } from '../../platform/http/schemas.js';
import {
  CreateRoundBody,
  CriteriaBody,
  CriterionSchema,
  DecisionBody,
  MinutesSchema,
  ScoreBody,
  roundIdeaParams,
  roundParams,
} from './rounds.schema.js';
import { createRound, getRound, listRounds, recordDecision, scoreIdea } from './rounds.js';
import { closeRound, getMinutes, publishMinutes } from './minutes.js';
import { listCriteria, updateCriteria } from './config.js';

const round = Type.Ref('PortfolioRound');
const tags = ['portfolio'];

/** Decision rounds and the criteria they score on. */
export const roundRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portfolio/criteria',
    {
      schema: {
        operationId: 'listPortfolioCriteria',
        tags,
        summary: "Digital team: the municipality's default criteria and weights for new rounds",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(CriterionSchema) }) }),
      },
    },
    async (request) => listCriteria(request.ctx),
  );

  app.put(
    '/portfolio/criteria',
    {
      schema: {
        operationId: 'updatePortfolioCriteria',
        tags,
        summary: 'Digital team: set the default criteria and weights (held rounds keep theirs)',
        params: SlugParams,
        body: CriteriaBody,
        response: responses({ 200: Type.Object({ items: Type.Array(CriterionSchema) }) }),
      },
    },
    async (request) => updateCriteria(request.ctx, request.body.criteria),
  );

  app.get(
    '/portfolio/rounds',
    {
      schema: {
        operationId: 'listDecisionRounds',
        tags,
        summary: 'Decision rounds, newest first (others than the team: published minutes only)',
        params: SlugParams,
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Ref('PortfolioRoundSummary')) }),
        }),
      },
    },
    async (request) => listRounds(request.ctx),
  );

  app.post(
    '/portfolio/rounds',
    {
      schema: {
        operationId: 'createDecisionRound',
        tags,
        summary:
          'Digital team: a round with its date, agenda and criteria (default: the municipality’s)',
        params: SlugParams,
        body: CreateRoundBody,
        response: responses({ 201: round }),
      },
    },
    async (request, reply) => reply.status(201).send(await createRound(request.ctx, request.body)),
  );

  app.get(
    '/portfolio/rounds/:roundId',
    {
      schema: {
        operationId: 'getDecisionRound',
        tags,
        summary: 'Digital team: a round with the combined weighted scores and decisions',
        params: roundParams,
        response: responses({ 200: round }),
      },
    },
    async (request) => getRound(request.ctx, request.params.roundId),
  );

  app.put(
    '/portfolio/rounds/:roundId/ideas/:ideaId/scores',
    {
      schema: {
        operationId: 'scoreIdea',
        tags,
        summary: 'A digital team member scores an idea 1–5 on each criterion (5 is best)',
        params: roundIdeaParams,
        body: ScoreBody,
        response: responses({ 200: round }),
      },
    },
    async (request) =>
      scoreIdea(request.ctx, request.params.roundId, request.params.ideaId, request.body),
  );

  app.post(
    '/portfolio/rounds/:roundId/ideas/:ideaId/decision',
    {
      schema: {
        operationId: 'recordDecision',
        tags,
        summary:
          'Decide on an idea (go now / wait / no, with a reason); the idea moves to the stage',
        params: roundIdeaParams,
        body: DecisionBody,
        response: responses({ 200: round }),
      },
    },
    async (request) =>
      recordDecision(request.ctx, request.params.roundId, request.params.ideaId, request.body),
  );

  app.post(
    '/portfolio/rounds/:roundId/close',
    {
      schema: {
        operationId: 'closeDecisionRound',
        tags,
        summary: 'Digital team: close a round once every idea has a decision',
        params: roundParams,
        response: responses({ 200: round }),
      },
    },
    async (request) => closeRound(request.ctx, request.params.roundId),
  );

  app.post(
    '/portfolio/rounds/:roundId/minutes/publish',
    {
      schema: {
        operationId: 'publishRoundMinutes',
        tags,
        summary: "Digital team: publish a closed round's minutes",
        params: roundParams,
        response: responses({ 200: MinutesSchema }),
      },
    },
    async (request) => publishMinutes(request.ctx, request.params.roundId),
  );

  app.get(
    '/portfolio/rounds/:roundId/minutes',
    {
      schema: {
        operationId: 'getRoundMinutes',
        tags,
        summary: "A round's minutes (public once published), with the plain text",
        params: roundParams,
        response: responses({ 200: MinutesSchema }),
      },
    },
    async (request) => getMinutes(request.ctx, request.params.roundId),
  );

  app.get(
    '/portfolio/rounds/:roundId/minutes.txt',
    {
      schema: {
        operationId: 'getRoundMinutesText',
        tags,
        summary: "A round's minutes as plain text",
        params: roundParams,
        response: responses({ 200: Type.String({ description: 'text/plain' }) }),
      },
    },
    async (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send((await getMinutes(request.ctx, request.params.roundId)).text),
  );
};
