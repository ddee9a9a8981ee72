import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, TranslatedText, Uuid, responses } from '../../platform/http/schemas.js';
import { utilisationCsv, utilisationReport } from './utilisation.js';

const Query = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    resourceId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
const Rate = Type.Union([Type.Number(), Type.Null()], {
  description: 'booked / (open − blocked), 0…1',
});

export const utilisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/reports/utilisation',
    {
      schema: {
        operationId: 'getUtilisationReport',
        tags: ['bookings'],
        summary: 'Booked hours against open hours per facility, and a weekday × hour heatmap',
        params: SlugParams,
        querystring: Query,
        response: responses({
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            resources: Type.Array(
              Type.Object({
                resourceId: Uuid,
                name: TranslatedText,
                openHours: Type.Number(),
                bookedHours: Type.Number(),
                blockedHours: Type.Number(),
                utilisation: Rate,
              }),
            ),
            heatmap: Type.Array(
              Type.Object({
                weekday: Type.Integer({ description: '1 = Monday' }),
                hour: Type.Integer({ description: 'local hour, 0–23' }),
                openHours: Type.Number(),
                bookedHours: Type.Number(),
                utilisation: Rate,
              }),
            ),
          }),
        }),
      },
    },
    async (request) =>
      utilisationReport(
        request.ctx,
        request.query.from,
        request.query.to,
        request.query.resourceId,
      ),
  );

  app.get(
    '/admin/reports/utilisation.csv',
    {
      schema: {
        operationId: 'exportUtilisationReport',
        tags: ['bookings'],
        summary: 'The utilisation report as CSV for a spreadsheet',
        params: SlugParams,
        querystring: Query,
        response: responses({ 200: Type.String({ description: 'text/csv' }) }),
      },
    },
    async (request, reply) => {
      const { from, to, resourceId } = request.query;
      const report = await utilisationReport(request.ctx, from, to, resourceId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kayttoaste-${from}-${to}.csv"`)
        .send(utilisationCsv(report, request.language));
    },
  );
};
