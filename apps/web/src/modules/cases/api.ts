import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

/**
 * The case bank's API calls (operationIds of the "cases" tag), kept in the module so that the
 * shared api object in client.ts stays small.
 */
type Ok<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;
export type CaseSummary = Ok<'listCases'>['items'][number];
export type CaseCard = Ok<'getCase'>;
export type CaseFilter = NonNullable<operations['listCases']['parameters']['query']>;
export type CaseBankSession = Ok<'getCaseBankSession'>;
export type CaseBody = operations['createCase']['requestBody']['content']['application/json'];
export type CaseOutcome = NonNullable<CaseCard['outcome']>;
export type SizeClass = NonNullable<CaseFilter['size']>;

const at = (slug: string, id: string) => ({ params: { path: { slug, id } } });

export const casesApi = {
  listCases: (query: CaseFilter) => unwrap(client.GET('/api/cases', { params: { query } })),
  getCase: (id: string) => unwrap(client.GET('/api/cases/{id}', { params: { path: { id } } })),
  getCaseBankSession: () => unwrap(client.GET('/api/cases/session')),
  supportCase: (id: string, support: boolean) =>
    support
      ? unwrap(client.PUT('/api/cases/{id}/support', { params: { path: { id } } }))
      : unwrap(client.DELETE('/api/cases/{id}/support', { params: { path: { id } } })),
  listMunicipalityCases: (slug: string) =>
    unwrap(client.GET('/api/{slug}/cases', { params: { path: { slug } } })),
  getMunicipalityCase: (slug: string, id: string) =>
    unwrap(client.GET('/api/{slug}/cases/{id}', at(slug, id))),
  createCase: (slug: string, body: CaseBody) =>
    unwrap(client.POST('/api/{slug}/cases', { params: { path: { slug } }, body })),
  updateCase: (slug: string, id: string, body: CaseBody) =>
    unwrap(client.PUT('/api/{slug}/cases/{id}', { ...at(slug, id), body })),
  deleteCase: (slug: string, id: string) =>
    unwrap(client.DELETE('/api/{slug}/cases/{id}', at(slug, id))),
  publishCase: (slug: string, id: string, publish: boolean) =>
    publish
      ? unwrap(client.POST('/api/{slug}/cases/{id}/publish', at(slug, id)))
      : unwrap(client.POST('/api/{slug}/cases/{id}/unpublish', at(slug, id))),
  addCasePhoto: (slug: string, id: string, body: { dataBase64: string; altText: string }) =>
    unwrap(client.POST('/api/{slug}/cases/{id}/photos', { ...at(slug, id), body })),
  deleteCasePhoto: (slug: string, id: string, photoId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/cases/{id}/photos/{photoId}', {
        params: { path: { slug, id, photoId } },
      }),
    ),
  copyCase: (slug: string, id: string) =>
    unwrap(client.POST('/api/{slug}/cases/{id}/copy', at(slug, id))),
};
