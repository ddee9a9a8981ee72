import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

/** API calls of an experiment's team, metrics and budget, and the experimenter count. */

export type ExperimentDetailsBody = NonNullable<
  operations['updateExperiment']['requestBody']
>['content']['application/json'];

export const experimentDetailsApi = {
  update: (slug: string, ideaId: string, body: ExperimentDetailsBody) =>
    unwrap(
      client.PUT('/api/{slug}/portfolio/ideas/{ideaId}/experiment', {
        params: { path: { slug, ideaId } },
        body,
      }),
    ),
  count: (slug: string) =>
    unwrap(client.GET('/api/{slug}/portfolio/experimenters/count', { params: { path: { slug } } })),
};
