import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { Day, slug } from './daycare.schema.js';
import * as fees from './fees.js';

/** Guardians' income statements and fee preview; the finance staff's and admins' operations. */
const tags = ['daycare'];
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Euro cents' });
const Bp = Type.Integer({
  minimum: 0,
  maximum: 10000,
  description: 'Basis points (1070 = 10,7 %)',
});
const NullableCents = Type.Union([Cents, Type.Null()]);
const StatementParams = Type.Object({ slug, statementId: Uuid });

export const IncomeStatementSchema = Type.Object(
  {
    id: Uuid,
    submittedAt: DateTime,
    submittedBy: Type.String(),
    acceptsHighestFee: Type.Boolean(),
    incomesCents: Type.Array(Cents, { description: 'Gross monthly income per adult' }),
    totalIncomeCents: Cents,
    attachment: Type.Union([
      Type.Object({ name: Type.String(), contentType: Type.String() }),
      Type.Null(),
    ]),
    handled: Type.Boolean(),
  },
  { $id: 'DaycareIncomeStatement' },
);
const statement = Type.Ref('DaycareIncomeStatement');

const FeeParametersBody = Type.Object(
  {
    maxFeeCents: Cents,
    minFeeCents: Cents,
    incomeBp: Bp,
    secondChildBp: Bp,
    furtherChildBp: Bp,
    secondChildMaxCents: NullableCents,
    incomeLimitsCents: Type.Union([Type.Array(Cents, { minItems: 5, maxItems: 5 }), Type.Null()], {
      description: 'Families of 2, 3, 4, 5 and 6 people; null until published',
    }),
    incrementCents: Type.Union([Cents, Type.Null()], {
      description: 'Added to the limit of six for each further person',
    }),
  },
  { additionalProperties: false },
);
export const FeePeriodSchema = Type.Object(
  {
    ...FeeParametersBody.properties,
    validFrom: Day,
    validTo: Type.Union([Day, Type.Null()]),
    own: Type.Boolean({ description: "The municipality's own set (false: the national one)" }),
  },
  { $id: 'DaycareFeePeriod' },
);

const FeePreview = Type.Object({
  date: Day,
  period: Type.Ref('DaycareFeePeriod'),
  basis: StringEnum(['income', 'highestFeeAccepted', 'noStatement']),
  statement: Type.Union([statement, Type.Null()], { description: 'The statement on record' }),
  adults: Type.Union([Type.Integer(), Type.Null()]),
  childrenUnder18: Type.Integer(),
  familySize: Type.Union([Type.Integer(), Type.Null()]),
  incomeCents: NullableCents,
  limitCents: NullableCents,
  excessCents: NullableCents,
  percentFeeCents: NullableCents,
  fullFeeCents: Type.Union([Cents, Type.Null()], {
    description: "The youngest child's full-time fee",
  }),
  missingLimits: Type.Boolean({ description: "The period's income limits are not published" }),
  children: Type.Array(
    Type.Object({
      id: Uuid,
      firstName: Type.String(),
      lastName: Type.String(),
      birthDate: Day,
      rule: StringEnum(['youngest', 'second', 'further']),
      computedCents: NullableCents,
      feeCents: Type.Union([Cents, Type.Null()], {
        description: 'Charged; 0 when the computed fee is below the minimum',
      }),
    }),
  ),
});

export const feesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/daycare/fees',
    {
      schema: {
        operationId: 'getFeePreview',
        tags,
        summary:
          "The family's fee preview on a day (today by default): income on record, parameters, each child's fee",
        params: SlugParams,
        querystring: Type.Object({ date: Type.Optional(Day) }, { additionalProperties: false }),
        response: responses({ 200: FeePreview }),
      },
    },
    async (request) => fees.getFeePreview(request.ctx, request.query.date),
  );

  app.get(
    '/daycare/income-statements',
    {
      schema: {
        operationId: 'listMyIncomeStatements',
        tags,
        summary: "The family's income statements, newest (the one on record) first",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(statement) }) }),
      },
    },
    async (request) => ({ items: await fees.listMyIncomeStatements(request.ctx) }),
  );

  app.post(
    '/daycare/income-statements',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'submitIncomeStatement',
        tags,
        summary:
          'Submit the gross monthly income of the household’s adults with a proof, or accept the highest fee',
        params: SlugParams,
        body: Type.Object(
          {
            acceptsHighestFee: Type.Boolean(),
            incomesCents: Type.Array(Cents, { maxItems: 2 }),
            attachment: Type.Optional(
              Type.Object(
                {
                  name: Type.String({ minLength: 1, maxLength: 200 }),
                  contentType: StringEnum([...fees.ATTACHMENT_TYPES]),
                  dataBase64: Type.String({
                    maxLength: 7_000_000,
                    pattern: '^[A-Za-z0-9+/]*={0,2}$',
                    description: 'The file in base64, at most 5 MB',
                  }),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: statement }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fees.submitIncomeStatement(request.ctx, request.body)),
  );

  app.get(
    '/daycare/income-statements/:statementId',
    {
      schema: {
        operationId: 'getIncomeStatement',
        tags,
        summary: "One of the family's income statements",
        params: StatementParams,
        response: responses({ 200: statement }),
      },
    },
    async (request) => fees.getMyIncomeStatement(request.ctx, request.params.statementId),
  );

  app.get(
    '/daycare/income-statements/:statementId/attachment',
    {
      schema: {
        operationId: 'getIncomeStatementAttachment',
        tags,
        summary: "A statement's attachment, for the family's guardians and the finance staff",
        params: StatementParams,
        response: responses({
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'application/pdf, image/jpeg or image/png',
          }),
        }),
      },
    },
    async (request, reply) => {
      const file = await fees.incomeAttachment(request.ctx, request.params.statementId);
      return reply
        .type(file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.data);
    },
  );

  app.get(
    '/admin/daycare/income-statements',
    {
      schema: {
        operationId: 'listIncomeStatements',
        tags,
        summary: 'Income statements for the finance staff: open (default) or handled',
        params: SlugParams,
        querystring: Type.Object(
          { status: Type.Optional(StringEnum(['open', 'handled'])) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...IncomeStatementSchema.properties,
                email: Type.Union([Type.String(), Type.Null()]),
                children: Type.Array(Type.String()),
                handledAt: Type.Union([DateTime, Type.Null()]),
                handledBy: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => ({
      items: await fees.listIncomeStatements(request.ctx, request.query.status ?? 'open'),
    }),
  );

  app.post(
    '/admin/daycare/income-statements/:statementId/handled',
    {
      schema: {
        operationId: 'markIncomeStatementHandled',
        tags,
        params: StatementParams,
        response: responses({ 200: Type.Object({ handled: Type.Boolean() }) }),
      },
    },
    async (request) => fees.markIncomeStatementHandled(request.ctx, request.params.statementId),
  );

  app.get(
    '/admin/daycare/fee-periods',
    {
      schema: {
        operationId: 'listFeePeriods',
        tags,
        summary: 'The fee parameter sets by period (own over national)',
        params: SlugParams,
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Ref('DaycareFeePeriod')) }),
        }),
      },
    },
    async (request) => ({ items: await fees.listFeePeriods(request.ctx) }),
  );

  app.put(
    '/admin/daycare/fee-periods/:validFrom',
    {
      schema: {
        operationId: 'saveFeePeriod',
        tags,
        summary: "Save the municipality's own parameter set of the period starting on validFrom",
        params: Type.Object({ slug, validFrom: Day }),
        body: FeeParametersBody,
        response: responses({ 200: Type.Ref('DaycareFeePeriod') }),
      },
    },
    async (request) => fees.saveFeePeriod(request.ctx, request.params.validFrom, request.body),
  );
};
