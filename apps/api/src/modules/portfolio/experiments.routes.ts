import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { Day, PersonRef, TimeboxDays, ideaParams } from './portfolio.schema.js';
import { Outcome } from './cases.schema.js';
import { experimenterCount, updateExperimentDetails } from './experiment-details.js';
import { declareExperiment, extendExperiment, getExperiment, listOverdue } from './experiments.js';

const tags = ['portfolio'];

const Num = Type.Union([Type.Number({ minimum: -1e12, maximum: 1e12 }), Type.Null()]);
const Metric = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    unit: Type.String({ maxLength: 40 }),
    baseline: Num,
    target: Num,
    result: Num,
  },
  { additionalProperties: false },
);
const Cents = Type.Integer({ minimum: 0, maximum: 2_000_000_000 });

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
    overBudget: Type.Boolean({ description: 'More spent than granted' }),
    team: Type.Array(
      Type.Object({
        personId: Type.Union([Uuid, Type.Null()]),
        name: Type.String(),
        department: Type.String(),
      }),
    ),
    metrics: Type.Array(Metric),
    outcome: Type.Union([Outcome, Type.Null()], { description: 'Set once, when finished' }),
    lessons: Type.String({ description: 'What was learned (when finished)' }),
    outcomeSummary: Type.String(),
    finishedAt: Type.Union([DateTime, Type.Null()]),
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

  app.put(
    '/portfolio/ideas/:ideaId/experiment',
    {
      schema: {
        operationId: 'updateExperiment',
        tags,
        summary: 'The owner or the digital team: the team, the metrics and the budget, as a whole',
        params: ideaParams,
        body: Type.Object(
          {
            experimenters: Type.Array(
              Type.Object(
                {
                  personId: Type.Union([Uuid, Type.Null()]),
                  name: Type.String({ maxLength: 200 }),
                  department: Type.String({ maxLength: 200 }),
                },
                { additionalProperties: false },
              ),
              { maxItems: 100 },
            ),
            metrics: Type.Array(Metric, { maxItems: 30 }),
            budgetGrantedCents: Cents,
            budgetSpentCents: Cents,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: experiment }),
      },
    },
    async (request) => {
      await updateExperimentDetails(request.ctx, request.params.ideaId, request.body);
      return getExperiment(request.ctx, request.params.ideaId);
    },
  );

  app.get(
    '/portfolio/experimenters/count',
    {
      schema: {
        operationId: 'countExperimenters',
        tags,
        summary: "Digital team: distinct experimenters this year against the municipality's target",
        params: SlugParams,
        response: responses({
          200: Type.Object({ year: Type.Integer(), count: Type.Integer(), target: Type.Integer() }),
        }),
      },
    },
    async (request) => experimenterCount(request.ctx),
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
