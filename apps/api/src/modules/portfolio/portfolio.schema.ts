import { Type, type Static } from '@sinclair/typebox';
import {
  DateTime,
  SlugParams,
  StringEnum,
  TranslatedText,
  Uuid,
} from '../../platform/http/schemas.js';
import { IdeaAttachmentSchema, IdeaAttachmentsInput } from './attachments.schema.js';

/** Request and response schemas of the portfolio API (see MODEL.md). */

export const slug = SlugParams.properties.slug;
export const Day = Type.String({ format: 'date', description: 'A calendar day, YYYY-MM-DD' });
export const DecisionSchema = StringEnum(['go', 'wait', 'no'], {
  description: 'go now (becomes an experiment), wait (shelved for later), no (stopped)',
});
export const RequiredFieldSchema = StringEnum(['owner', 'timebox', 'goal', 'results']);
export const TimeboxDays = Type.Unsafe<21 | 105>({
  type: 'integer',
  enum: [21, 105],
  description: '21 days (a small experiment) or 105 (a larger, project-like one)',
});
const Tag = Type.String({ minLength: 1, maxLength: 60 });
const Tags = Type.Array(Tag, { maxItems: 20 });
const PersonRef = Type.Object({ id: Uuid, name: Type.String() });

export const StageSchema = Type.Object(
  {
    key: Type.String(),
    position: Type.Integer(),
    closed: Type.Boolean({ description: 'An end stage: adopted, shelved, stopped' }),
    name: TranslatedText,
    requiredFields: Type.Array(RequiredFieldSchema),
  },
  { $id: 'PortfolioStage' },
);

/** What every view of an idea has: the list item and the idea page. */
const ideaBaseProperties = {
  id: Uuid,
  title: Type.String(),
  problem: Type.String(),
  stage: Type.String(),
  themes: Type.Array(Type.String()),
  departments: Type.Array(Type.String()),
  targetGroups: Type.Array(Type.String()),
  submittedAs: StringEnum(['resident', 'staff']),
  supportCount: Type.Integer(),
  commentCount: Type.Integer(),
  hidden: Type.Boolean(),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  stageChangedAt: DateTime,
};

export const TimeboxStateSchema = StringEnum(
  ['running', 'dueSoon', 'overdue', 'undeclared', 'finished'],
  {
    description:
      'running: in the experiment stage and not past its due date; dueSoon: due within 3 days; overdue: past the due date; undeclared: not declared within 24 h of the decision; finished: left the experiment stage',
  },
);

export const IdeaSummarySchema = Type.Object(
  {
    ...ideaBaseProperties,
    owner: Type.Union([PersonRef, Type.Null()]),
    clock: Type.Union(
      [
        Type.Object({
          timeboxDays: TimeboxDays,
          dueDate: Day,
          daysLeft: Type.Integer({ description: 'Negative: days overdue' }),
          states: Type.Array(TimeboxStateSchema),
        }),
        Type.Null(),
      ],
      { description: 'The experiment clock, once the idea has become an experiment' },
    ),
  },
  { $id: 'PortfolioIdeaSummary' },
);

export const IdeaEventSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum([
    'submitted',
    'edited',
    'stage',
    'hidden',
    'shown',
    'merged_from',
    'merged_into',
    'decision',
    'imported',
  ]),
  fromStage: Type.Union([Type.String(), Type.Null()]),
  toStage: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  decision: Type.Union([DecisionSchema, Type.Null()]),
  roundId: Type.Union([Uuid, Type.Null()]),
  otherIdeaId: Type.Union([Uuid, Type.Null()]),
  at: DateTime,
});

export const CommentSchema = Type.Object({
  id: Uuid,
  author: Type.String(),
  body: Type.String(),
  hidden: Type.Boolean(),
  createdAt: DateTime,
});

export const IdeaSchema = Type.Object(
  {
    ...ideaBaseProperties,
    proposal: Type.String(),
    owner: Type.Union([PersonRef, Type.Null()]),
    timeboxDays: Type.Union([TimeboxDays, Type.Null()]),
    goal: Type.String(),
    results: Type.String(),
    mergedInto: Type.Union([Uuid, Type.Null()]),
    submitter: Type.Union([PersonRef, Type.Null()], {
      description: 'Shown to the digital team only',
    }),
    supportedByMe: Type.Boolean(),
    followedByMe: Type.Boolean(),
    canModerate: Type.Boolean(),
    attachments: Type.Array(IdeaAttachmentSchema),
    comments: Type.Array(CommentSchema),
    history: Type.Array(IdeaEventSchema),
  },
  { $id: 'PortfolioIdea' },
);

export const IdeaBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    problem: Type.String({ minLength: 1, maxLength: 5000 }),
    proposal: Type.String({ minLength: 1, maxLength: 5000 }),
    targetGroups: Type.Optional(Tags),
    departments: Type.Optional(Tags),
    themes: Type.Optional(Tags),
  },
  { additionalProperties: false },
);
export type IdeaInput = Static<typeof IdeaBody>;

/** A new idea: its fields and the files given with it. */
export const CreateIdeaBody = Type.Object(
  { ...IdeaBody.properties, attachments: IdeaAttachmentsInput },
  { additionalProperties: false },
);

export const IdeaFilter = Type.Object(
  {
    stage: Type.Optional(Type.String({ maxLength: 40 })),
    theme: Type.Optional(Type.String({ maxLength: 60 })),
    department: Type.Optional(Type.String({ maxLength: 60 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    owner: Type.Optional(Uuid),
    timeboxState: Type.Optional(TimeboxStateSchema),
    sort: Type.Optional(StringEnum(['new', 'supports'])),
    includeHidden: Type.Optional(
      Type.Boolean({ description: 'Digital team only: hidden ideas too' }),
    ),
  },
  { additionalProperties: false },
);
export type IdeaQuery = Static<typeof IdeaFilter>;

export const StageChangeBody = Type.Object(
  {
    stage: Type.String({ minLength: 1, maxLength: 40 }),
    reason: Type.String({ maxLength: 2000 }),
    ownerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    timeboxDays: Type.Optional(Type.Union([TimeboxDays, Type.Null()])),
    goal: Type.Optional(Type.String({ maxLength: 2000 })),
    results: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type StageChangeInput = Static<typeof StageChangeBody>;

export const StagesBody = Type.Object(
  {
    stages: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
          closed: Type.Boolean(),
          name: Type.Object(
            {
              fi: Type.String({ minLength: 1, maxLength: 80 }),
              sv: Type.String({ minLength: 1, maxLength: 80 }),
              en: Type.String({ minLength: 1, maxLength: 80 }),
            },
            { additionalProperties: false },
          ),
          requiredFields: Type.Array(RequiredFieldSchema, { maxItems: 4 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type StagesInput = Static<typeof StagesBody>;

export const ideaParams = Type.Object({ slug, ideaId: Uuid });
export { PersonRef };
