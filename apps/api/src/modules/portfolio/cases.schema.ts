import { Type } from '@sinclair/typebox';
import { DateTime, StringEnum, Uuid } from '../../platform/http/schemas.js';

/** The case bank's API contract: a case card, its summary in lists, the editor's body. */
export const CASE_OUTCOMES = ['adopted', 'changed', 'stopped'] as const;
export const SIZE_CLASSES = ['small', 'medium', 'large', 'city'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const Outcome = StringEnum(CASE_OUTCOMES, {
  description: 'adopted as a service, changed and continued, or stopped',
});
export const SizeClassSchema = StringEnum(SIZE_CLASSES, {
  description:
    'Inhabitants: small < 5 000, medium 5 000–19 999, large 20 000–99 999, city ≥ 100 000',
});
const Num = Type.Union([Type.Number({ minimum: -1e12, maximum: 1e12 }), Type.Null()]);

export const MetricSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    unit: Type.String({ maxLength: 30 }),
    baseline: Num,
    target: Num,
    result: Num,
  },
  { additionalProperties: false },
);

const MunicipalityRef = Type.Object({
  slug: Type.String(),
  name: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
  population: Type.Union([Type.Integer(), Type.Null()]),
  sizeClass: Type.Union([SizeClassSchema, Type.Null()]),
});

const summaryProperties = {
  id: Uuid,
  status: StringEnum(['draft', 'published']),
  title: Type.String(),
  problem: Type.String(),
  themes: Type.Array(Type.String()),
  outcome: Type.Union([Outcome, Type.Null()]),
  durationDays: Type.Union([Type.Integer(), Type.Null()]),
  costCents: Type.Union([Type.Integer(), Type.Null()], { description: 'Euro cents' }),
  municipality: MunicipalityRef,
  supports: Type.Integer(),
  copies: Type.Integer({ description: 'Municipalities that copied the case into their pipeline' }),
  coverPhotoId: Type.Union([Uuid, Type.Null()]),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  updatedAt: DateTime,
};

export const CaseSummarySchema = Type.Object(summaryProperties, { $id: 'CaseSummary' });

export const CaseSchema = Type.Object(
  {
    ...summaryProperties,
    ideaId: Type.Union([Uuid, Type.Null()]),
    tried: Type.String(),
    metrics: Type.Array(MetricSchema),
    lessons: Type.String(),
    contactName: Type.String(),
    contactEmail: Type.String(),
    photos: Type.Array(
      Type.Object({
        id: Uuid,
        altText: Type.String(),
        width: Type.Integer(),
        height: Type.Integer(),
      }),
    ),
    mySupport: Type.Boolean({ description: 'The signed-in person supports the case' }),
    copiedByUs: Type.Union([Uuid, Type.Null()], {
      description: "The idea in the asking municipality's pipeline copied from this case",
    }),
  },
  { $id: 'Case' },
);

const Text = (max: number) => Type.String({ maxLength: max });
export const CaseBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    problem: Text(5000),
    tried: Text(5000),
    durationDays: Type.Union([Type.Integer({ minimum: 1, maximum: 3650 }), Type.Null()]),
    costCents: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]),
    metrics: Type.Array(MetricSchema, { maxItems: 20 }),
    outcome: Type.Union([Outcome, Type.Null()]),
    lessons: Text(5000),
    contactName: Text(200),
    contactEmail: Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })]),
    themes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 }),
    ideaId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);

export const CaseListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  theme: Type.Optional(Type.String({ maxLength: 40 })),
  size: Type.Optional(SizeClassSchema),
  outcome: Type.Optional(Outcome),
  sort: Type.Optional(StringEnum(['new', 'top'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});

/**
 * The open-data record of GET /api/cases.json: stable field names in snake_case, documented
 * as a JSON Schema in the OpenAPI (component CaseOpenData).
 */
export const CaseOpenDataSchema = Type.Object(
  {
    id: Uuid,
    url: Type.String({ format: 'uri', description: 'The public case page' }),
    title: Type.String(),
    municipality: Type.String({ description: "The municipality's slug" }),
    municipality_name: Type.String({ description: 'Name in Finnish' }),
    municipality_population: Type.Union([Type.Integer(), Type.Null()]),
    municipality_size: Type.Union([SizeClassSchema, Type.Null()]),
    problem: Type.String(),
    tried: Type.String(),
    duration_days: Type.Union([Type.Integer(), Type.Null()]),
    cost_cents: Type.Union([Type.Integer(), Type.Null()], { description: 'Euro cents' }),
    metrics: Type.Array(MetricSchema),
    outcome: Outcome,
    lessons: Type.String(),
    contact_name: Type.String(),
    contact_email: Type.String(),
    themes: Type.Array(Type.String()),
    supports: Type.Integer(),
    copies: Type.Integer(),
    photos: Type.Array(Type.String({ format: 'uri' })),
    published_at: DateTime,
    updated_at: DateTime,
  },
  { $id: 'CaseOpenData', description: 'A published case card of the shared case bank' },
);
