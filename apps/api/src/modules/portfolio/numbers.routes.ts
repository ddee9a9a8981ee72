import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, responses } from '../../platform/http/schemas.js';
import { portfolioFunnel } from './numbers.js';

const count = (description: string) => Type.Integer({ minimum: 0, description });

/** The portfolio in numbers (public: counts only). */
export const portfolioNumbersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portfolio/funnel',
    {
      schema: {
        operationId: 'getPortfolioFunnel',
        tags: ['portfolio'],
        summary:
          'Per year: ideas submitted, decided in a round, experiments started, adopted; distinct experimenters against the target',
        params: SlugParams,
        response: responses({
          200: Type.Object({
            experimenterTarget: Type.Integer({ description: 'Distinct experimenters a year' }),
            years: Type.Array(
              Type.Object({
                year: Type.Integer(),
                submitted: count('Ideas submitted (merged duplicates and hidden ones left out)'),
                decided: count('Ideas decided in a decision round (go, wait or no)'),
                started: count('Experiments started'),
                adopted: count('Ideas moved to adopted'),
                experimenters: count('Distinct experimenters in the experiments started'),
              }),
              { description: 'Oldest first, up to ten years, ending with the current year' },
            ),
          }),
        }),
      },
    },
    async (request) => portfolioFunnel(request.ctx),
  );
};
