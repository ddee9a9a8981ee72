import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

/** API calls of the portfolio views: the funnel per year (public). */

export type Funnel =
  operations['getPortfolioFunnel']['responses'][200]['content']['application/json'];
export type TimeboxState = NonNullable<
  NonNullable<operations['listIdeas']['parameters']['query']>['timeboxState']
>;
export const TIMEBOX_STATES: readonly TimeboxState[] = [
  'running',
  'dueSoon',
  'overdue',
  'undeclared',
  'finished',
];

export const viewsApi = {
  funnel: (slug: string) =>
    unwrap(client.GET('/api/{slug}/portfolio/funnel', { params: { path: { slug } } })),
};
