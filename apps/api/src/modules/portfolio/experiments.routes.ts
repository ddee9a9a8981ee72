import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { Day, PersonRef, TimeboxDays, ideaParams } from './portfolio.schema.js';
import { declareExperiment, extendExperiment, getExperiment, listOverdue } from './experiments.js';

const tags = ['portfolio'];

export const ExperimentSchema = Type.Object(
  {
    ideaId: Uuid,
    title: Type.String(),
    stage: Type.String(),
    running: Type.Boolean({ description: 'In the experiment stage: the clocks count' }),
    owner: Type.Union([PersonRef, Type.Null()]),
    timeboxDays: TimeboxDays,
    decidedAt: DateTime,
    declareBy: DateTime,
    declaredAt: Type.Union([DateTime, Type.Null()]),
    declaration: Type.String(),
    dueDate: Day,
    daysLeft: Type.Integer({ description: 'Days to the due date; negative: days overdue' }),
    overdue: Type.Boolean(),
    declarationLate: Type.Boolean({ description: 'Not declared within 24 hours' }),
    budgetGrantedCents: Type.Integer(),
    budgetSpentCents: Type.Integer(),
    extensions: Type.Array(
      Type.Object({
        id: Uuid,
        days: Type.Integer(),
        reason: Type.String(),
        by: Type.String(),
        at: DateTime,
      }),
    ),
  },
  { $id: 'PortfolioExperiment' },
);

const experiment = Type.Ref('PortfolioExperiment');

/** Experiments: the clocks, the declaration, extensions and the overdue view. */
export const experimentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portfolio/ideas/:ideaId/experiment',
    {
      schema: {
        operationId: 'getExperiment',
        tags,
        summary: "An idea's experiment: owner, timebox, the 24 h and due-date clocks, extensions",
        params: ideaParams,
        response: responses({ 200: experiment }),
      },
    },
    async (request) => getExperiment(request.ctx, request.params.ideaId),
  );

  app.post(
    '/portfolio/ideas/:ideaId/experiment/declare',
    {
      schema: {
        operationId: 'declareExperiment',
        tags,
        summary: 'The owner (or the team) declares the experiment publicly, once',
        params: ideaParams,
        body: Type.Object(
          { declaration: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: experiment }),
      },
    },
    async (request) =>
      declareExperiment(request.ctx, request.params.ideaId, request.body.declaration),
  );

  app.post(
    '/portfolio/ideas/:ideaId/experiment/extend',
    {
      schema: {
        operationId: 'extendExperiment',
        tags,
        summary: 'Digital team: move the due date, with a recorded reason',
        params: ideaParams,
        body: Type.Object(
          {
            days: Type.Integer({ minimum: 1, maximum: 105 }),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: experiment }),
      },
    },
    async (request) =>
      extendExperiment(request.ctx, request.params.ideaId, request.body.days, request.body.reason),
  );

  app.get(
    '/portfolio/overdue',
    {
      schema: {
        operationId: 'listOverdue',
        tags,
        summary:
          'Digital team: running experiments past their due date or not declared within 24 hours',
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(experiment) }) }),
      },
    },
    async (request) => listOverdue(request.ctx),
  );
};
