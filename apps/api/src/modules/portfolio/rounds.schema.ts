import { Type, type Static } from '@sinclair/typebox';
import { DateTime, StringEnum, TranslatedText, Uuid } from '../../platform/http/schemas.js';
import { Day, DecisionSchema, TimeboxDays, slug } from './portfolio.schema.js';

/** Schemas of the decision rounds. */

const CriterionName = Type.Object(
  {
    fi: Type.String({ minLength: 1, maxLength: 80 }),
    sv: Type.String({ minLength: 1, maxLength: 80 }),
    en: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);

export const CriterionBody = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    name: CriterionName,
    weight: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);

export const CriterionSchema = Type.Object({
  key: Type.String(),
  position: Type.Integer(),
  name: TranslatedText,
  weight: Type.Integer(),
});

export const CriteriaBody = Type.Object(
  { criteria: Type.Array(CriterionBody, { minItems: 1, maxItems: 10 }) },
  { additionalProperties: false },
);

export const CreateRoundBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    meetingDate: Day,
    ideaIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }),
    criteria: Type.Optional(Type.Array(CriterionBody, { minItems: 1, maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type CreateRoundInput = Static<typeof CreateRoundBody>;

export const ScoreBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        { criterionId: Uuid, score: Type.Integer({ minimum: 1, maximum: 5 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type ScoreInput = Static<typeof ScoreBody>;

export const DecisionBody = Type.Object(
  {
    decision: DecisionSchema,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    ownerId: Type.Optional(Uuid),
    timeboxDays: Type.Optional(TimeboxDays),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionBody>;

export const RoundSummarySchema = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    meetingDate: Day,
    itemCount: Type.Integer(),
    decidedCount: Type.Integer(),
    closed: Type.Boolean(),
    minutesPublished: Type.Boolean(),
  },
  { $id: 'PortfolioRoundSummary' },
);

export const RoundItemSchema = Type.Object({
  idea: Type.Object({ id: Uuid, title: Type.String(), stage: Type.String() }),
  position: Type.Integer(),
  decision: Type.Union([DecisionSchema, Type.Null()]),
  reason: Type.String(),
  timeboxDays: Type.Union([TimeboxDays, Type.Null()]),
  decidedAt: Type.Union([DateTime, Type.Null()]),
  combinedScore: Type.Union([Type.Number(), Type.Null()], {
    description: 'Σ weight × average score / Σ weight over the scored criteria, 1.00–5.00',
  }),
  scorers: Type.Integer({ description: 'How many members have scored the idea' }),
  averages: Type.Array(
    Type.Object({ criterionId: Uuid, average: Type.Union([Type.Number(), Type.Null()]) }),
  ),
  myScores: Type.Array(Type.Object({ criterionId: Uuid, score: Type.Integer() })),
});

export const RoundSchema = Type.Object(
  {
    ...RoundSummarySchema.properties,
    criteria: Type.Array(
      Type.Object({ id: Uuid, key: Type.String(), name: TranslatedText, weight: Type.Integer() }),
    ),
    items: Type.Array(RoundItemSchema),
    canScore: Type.Boolean(),
  },
  { $id: 'PortfolioRound' },
);

export const MinutesSchema = Type.Object({
  title: Type.String(),
  meetingDate: Day,
  published: Type.Boolean(),
  municipality: Type.String(),
  scorers: Type.Array(Type.String()),
  items: Type.Array(
    Type.Object({
      ideaId: Uuid,
      title: Type.String(),
      decision: Type.Union([DecisionSchema, Type.Null()]),
      reason: Type.String(),
      timeboxDays: Type.Union([TimeboxDays, Type.Null()]),
      combinedScore: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  text: Type.String({ description: 'The minutes as plain text, in the language asked' }),
});

export const roundParams = Type.Object({ slug, roundId: Uuid });
export const roundIdeaParams = Type.Object({ slug, roundId: Uuid, ideaId: Uuid });
export const MinutesFormat = StringEnum(['json', 'text']);
