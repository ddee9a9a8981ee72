import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { casesApi, type CaseBody, type CaseCard, type CaseFilter } from './api';

export const caseKeys = {
  all: ['cases'] as const,
  list: (filter: CaseFilter) => ['cases', 'list', filter] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  session: ['cases', 'session'] as const,
  own: (slug: string) => ['cases', 'own', slug] as const,
  here: (slug: string, id: string) => ['cases', 'here', slug, id] as const,
};

export const useCases = (filter: CaseFilter) =>
  useQuery({ queryKey: caseKeys.list(filter), queryFn: () => casesApi.listCases(filter) });

export const useCase = (id: string) =>
  useQuery({ queryKey: caseKeys.one(id), queryFn: () => casesApi.getCase(id) });

export const useCaseBankSession = () =>
  useQuery({ queryKey: caseKeys.session, queryFn: casesApi.getCaseBankSession, staleTime: 60_000 });

export const useOwnCases = (slug: string) =>
  useQuery({ queryKey: caseKeys.own(slug), queryFn: () => casesApi.listMunicipalityCases(slug) });

export const useCaseHere = (slug: string, id: string | undefined) =>
  useQuery({
    queryKey: caseKeys.here(slug, id ?? ''),
    queryFn: () => casesApi.getMunicipalityCase(slug, id!),
    enabled: Boolean(id),
  });

/** A changed card shows in every list and page that has it. */
function useSaved() {
  const queryClient = useQueryClient();
  return async (card: CaseCard) => {
    queryClient.setQueryData(caseKeys.one(card.id), card);
    await queryClient.invalidateQueries({ queryKey: caseKeys.all });
  };
}

export function useSupportCase(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (support: boolean) => casesApi.supportCase(id, support),
    onSuccess: saved,
  });
}

export function useSaveCase(slug: string, id: string | undefined) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CaseBody) =>
      id ? casesApi.updateCase(slug, id, body) : casesApi.createCase(slug, body),
    onSuccess: saved,
  });
}

export function usePublishCase(slug: string, id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (publish: boolean) => casesApi.publishCase(slug, id, publish),
    onSuccess: saved,
  });
}

export function useDeleteCase(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => casesApi.deleteCase(slug, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export function useCasePhotos(slug: string, id: string) {
  const saved = useSaved();
  const add = useMutation({
    mutationFn: (body: { dataBase64: string; altText: string }) =>
      casesApi.addCasePhoto(slug, id, body),
    onSuccess: saved,
  });
  const remove = useMutation({
    mutationFn: (photoId: string) => casesApi.deleteCasePhoto(slug, id, photoId),
    onSuccess: saved,
  });
  return { add, remove };
}

export function useCopyCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => casesApi.copyCase(slug, id),
    onSuccess: async (result) => {
      queryClient.setQueryData(caseKeys.one(id), result.case);
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}
