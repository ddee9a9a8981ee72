import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { problem } from '../../platform/http/errors.js';
import { IMPORT_FIELDS } from './import.columns.js';
import { ImportRefused, commitImport, previewImport } from './import.js';
import { exportRows, toCsv, toXlsx } from './export.js';
import { localDate } from '../../platform/i18n/time.js';

const tags = ['portfolio'];
const Field = StringEnum(IMPORT_FIELDS);
const Mapping = Type.Array(Type.Union([Field, Type.Null()]), {
  maxItems: 100,
  description: 'The field of each column in order; null = the column is not imported',
});

const ImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    dataBase64: Type.String({
      minLength: 1,
      maxLength: 7_000_000,
      pattern: '^[A-Za-z0-9+/]*={0,2}$',
      description: 'The CSV (UTF-8, ; or ,) or XLSX file in base64, at most 5 MB and 2 000 rows',
    }),
    mapping: Type.Optional(Mapping),
  },
  { additionalProperties: false },
);

const RowError = Type.Object({
  field: Type.Union([Field, Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});

export const ImportPreviewSchema = Type.Object(
  {
    headers: Type.Array(Type.String()),
    mapping: Mapping,
    fields: Type.Array(Field),
    rowCount: Type.Integer(),
    errorRowCount: Type.Integer(),
    rows: Type.Array(
      Type.Object({
        line: Type.Integer({ description: 'The line in the spreadsheet; the header is line 1' }),
        title: Type.String(),
        stage: Type.String(),
        ownerEmail: Type.String(),
        themes: Type.Array(Type.String()),
        departments: Type.Array(Type.String()),
        errors: Type.Array(RowError),
      }),
    ),
  },
  { $id: 'PortfolioImportPreview' },
);

/** Import of the team's spreadsheet (preview, then all or nothing) and export of the portfolio. */
export const portfolioImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/portfolio/import/preview',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'previewPortfolioImport',
        tags,
        summary: 'Digital team: read a spreadsheet, propose the column mapping, check every row',
        params: SlugParams,
        body: ImportBody,
        response: responses({ 200: Type.Ref(ImportPreviewSchema) }),
      },
    },
    async (request) => previewImport(request.ctx, request.body),
  );

  app.post(
    '/portfolio/import',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'importPortfolio',
        tags,
        summary:
          'Digital team: import every row of the spreadsheet, or none (422 with the errors of each row)',
        params: SlugParams,
        body: ImportBody,
        response: responses({
          201: Type.Object({ imported: Type.Integer(), ideaIds: Type.Array(Uuid) }),
        }),
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await commitImport(request.ctx, request.body));
      } catch (error) {
        if (!(error instanceof ImportRefused)) throw error;
        const failed = error.results.filter((r) => r.errors.length > 0);
        const body = problem(request.language, request.id, 422, 'portfolioImportRefused', {
          rows: failed.length,
        });
        const errors = failed.flatMap((r) =>
          r.errors.map((e) => ({
            field: `rows.${r.line}.${e.field ?? 'row'}`,
            message: e.message,
          })),
        );
        return reply
          .status(422)
          .type('application/problem+json')
          .send({ ...body, errors });
      }
    },
  );

  app.get(
    '/portfolio/export',
    {
      schema: {
        operationId: 'exportPortfolio',
        tags,
        summary: 'Digital team: the portfolio as CSV or XLSX, in the columns the import reads',
        params: SlugParams,
        querystring: Type.Object({ format: StringEnum(['csv', 'xlsx']) }),
        response: responses({
          200: Type.Unsafe<Buffer | string>({
            type: 'string',
            format: 'binary',
            description:
              'text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
        }),
      },
    },
    async (request, reply) => {
      const rows = await exportRows(request.ctx);
      const day = localDate(new Date());
      const name = `salkku-${request.ctx.municipality.slug}-${day}.${request.query.format}`;
      reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${name}"`);
      if (request.query.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(toCsv(rows));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await toXlsx(rows));
    },
  );
};
