import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

/** The portfolio's API calls, one per operationId, on the generated client. */

type OkJson<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;
type JsonBody<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : never;

export type IdeaSummary = OkJson<'listIdeas'>['items'][number];
export type IdeaFilter = NonNullable<operations['listIdeas']['parameters']['query']>;
export type Idea = OkJson<'getIdea'>;
export type IdeaBody = JsonBody<'updateIdea'>;
export type NewIdeaBody = JsonBody<'createIdea'>;
export type Stage = OkJson<'listPortfolioStages'>['items'][number];
export type StageChangeBody = JsonBody<'changeIdeaStage'>;
export type RoundSummary = OkJson<'listDecisionRounds'>['items'][number];
export type Round = OkJson<'getDecisionRound'>;
export type RoundItem = Round['items'][number];
export type CreateRoundBody = JsonBody<'createDecisionRound'>;
export type DecisionBody = JsonBody<'recordDecision'>;
export type Decision = DecisionBody['decision'];
export type Minutes = OkJson<'getRoundMinutes'>;
export type Owner = OkJson<'listPortfolioOwners'>['items'][number];
export type Experiment = OkJson<'getExperiment'>;
export type FinishBody = JsonBody<'finishExperiment'>;
export type Outcome = FinishBody['outcome'];
export type JournalFeed = OkJson<'listJournalFeed'>;

const p = (slug: string) => ({ params: { path: { slug } } });
const idea = (slug: string, ideaId: string) => ({ params: { path: { slug, ideaId } } });
const round = (slug: string, roundId: string) => ({ params: { path: { slug, roundId } } });

export const portfolioApi = {
  listIdeas: (slug: string, query: IdeaFilter) =>
    unwrap(client.GET('/api/{slug}/portfolio/ideas', { params: { path: { slug }, query } })),
  getIdea: (slug: string, ideaId: string) =>
    unwrap(client.GET('/api/{slug}/portfolio/ideas/{ideaId}', idea(slug, ideaId))),
  createIdea: (slug: string, body: NewIdeaBody) =>
    unwrap(client.POST('/api/{slug}/portfolio/ideas', { ...p(slug), body })),
  updateIdea: (slug: string, ideaId: string, body: IdeaBody) =>
    unwrap(client.PUT('/api/{slug}/portfolio/ideas/{ideaId}', { ...idea(slug, ideaId), body })),
  supportIdea: (slug: string, ideaId: string, on: boolean) =>
    unwrap(
      on
        ? client.PUT('/api/{slug}/portfolio/ideas/{ideaId}/support', idea(slug, ideaId))
        : client.DELETE('/api/{slug}/portfolio/ideas/{ideaId}/support', idea(slug, ideaId)),
    ),
  followIdea: (slug: string, ideaId: string, on: boolean) =>
    unwrap(
      on
        ? client.PUT('/api/{slug}/portfolio/ideas/{ideaId}/follow', idea(slug, ideaId))
        : client.DELETE('/api/{slug}/portfolio/ideas/{ideaId}/follow', idea(slug, ideaId)),
    ),
  addIdeaComment: (slug: string, ideaId: string, body: string) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/comments', {
        ...idea(slug, ideaId),
        body: { body },
      }),
    ),
  hideIdea: (slug: string, ideaId: string, reason: string) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/hide', {
        ...idea(slug, ideaId),
        body: { reason },
      }),
    ),
  showIdea: (slug: string, ideaId: string) =>
    unwrap(client.POST('/api/{slug}/portfolio/ideas/{ideaId}/show', idea(slug, ideaId))),
  mergeIdeas: (slug: string, ideaId: string, duplicateIds: string[]) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/merge', {
        ...idea(slug, ideaId),
        body: { duplicateIds },
      }),
    ),
  changeIdeaStage: (slug: string, ideaId: string, body: StageChangeBody) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/stage', { ...idea(slug, ideaId), body }),
    ),
  listStages: (slug: string) => unwrap(client.GET('/api/{slug}/portfolio/stages', p(slug))),
  listOwners: (slug: string) => unwrap(client.GET('/api/{slug}/portfolio/owners', p(slug))),
  listRounds: (slug: string) => unwrap(client.GET('/api/{slug}/portfolio/rounds', p(slug))),
  getRound: (slug: string, roundId: string) =>
    unwrap(client.GET('/api/{slug}/portfolio/rounds/{roundId}', round(slug, roundId))),
  createRound: (slug: string, body: CreateRoundBody) =>
    unwrap(client.POST('/api/{slug}/portfolio/rounds', { ...p(slug), body })),
  scoreIdea: (
    slug: string,
    roundId: string,
    ideaId: string,
    scores: { criterionId: string; score: number }[],
  ) =>
    unwrap(
      client.PUT('/api/{slug}/portfolio/rounds/{roundId}/ideas/{ideaId}/scores', {
        params: { path: { slug, roundId, ideaId } },
        body: { scores },
      }),
    ),
  recordDecision: (slug: string, roundId: string, ideaId: string, body: DecisionBody) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/rounds/{roundId}/ideas/{ideaId}/decision', {
        params: { path: { slug, roundId, ideaId } },
        body,
      }),
    ),
  closeRound: (slug: string, roundId: string) =>
    unwrap(client.POST('/api/{slug}/portfolio/rounds/{roundId}/close', round(slug, roundId))),
  publishMinutes: (slug: string, roundId: string) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/rounds/{roundId}/minutes/publish', round(slug, roundId)),
    ),
  getExperiment: (slug: string, ideaId: string) =>
    unwrap(client.GET('/api/{slug}/portfolio/ideas/{ideaId}/experiment', idea(slug, ideaId))),
  declareExperiment: (slug: string, ideaId: string, declaration: string) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/experiment/declare', {
        ...idea(slug, ideaId),
        body: { declaration },
      }),
    ),
  extendExperiment: (slug: string, ideaId: string, days: number, reason: string) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/experiment/extend', {
        ...idea(slug, ideaId),
        body: { days, reason },
      }),
    ),
  finishExperiment: (slug: string, ideaId: string, body: FinishBody) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/experiment/finish', {
        ...idea(slug, ideaId),
        body,
      }),
    ),
  createCaseFromExperiment: (slug: string, ideaId: string) =>
    unwrap(client.POST('/api/{slug}/portfolio/ideas/{ideaId}/case', idea(slug, ideaId))),
  listJournalFeed: (slug: string, offset: number, limit: number) =>
    unwrap(
      client.GET('/api/{slug}/portfolio/journal', {
        params: { path: { slug }, query: { offset, limit } },
      }),
    ),
  listOverdue: (slug: string) => unwrap(client.GET('/api/{slug}/portfolio/overdue', p(slug))),
  getMinutes: (slug: string, roundId: string) =>
    unwrap(client.GET('/api/{slug}/portfolio/rounds/{roundId}/minutes', round(slug, roundId))),
};

export const minutesTextUrl = (slug: string, roundId: string) =>
  `/api/${encodeURIComponent(slug)}/portfolio/rounds/${encodeURIComponent(roundId)}/minutes.txt`;
