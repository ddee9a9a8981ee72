import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Organisation, type OrganisationBody } from '../../api/client';

export const organisationKeys = {
  all: (slug: string) => ['organisations', slug] as const,
  mine: (slug: string) => ['organisations', slug, 'mine'] as const,
  one: (slug: string, id: string) => ['organisations', slug, 'one', id] as const,
  staff: (slug: string, q: string, inactive: boolean) =>
    ['organisations', slug, 'staff', q, inactive] as const,
};

/** The organisations the person may book and buy for. */
export const useMyOrganisations = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: organisationKeys.mine(slug),
    queryFn: () => api.listMyOrganisations(slug),
    enabled,
    staleTime: 60_000,
  });

export const useOrganisation = (slug: string, id: string) =>
  useQuery({
    queryKey: organisationKeys.one(slug, id),
    queryFn: () => api.getOrganisation(slug, id),
  });

export const useStaffOrganisations = (slug: string, q: string, inactive: boolean) =>
  useQuery({
    queryKey: organisationKeys.staff(slug, q, inactive),
    queryFn: () => api.listOrganisations(slug, q, inactive),
  });

/** Every change shows in the organisation's page, the buyer choices and staff's list. */
function useSaved(slug: string) {
  const queryClient = useQueryClient();
  return async (organisation: Organisation) => {
    queryClient.setQueryData(organisationKeys.one(slug, organisation.id), organisation);
    await queryClient.invalidateQueries({ queryKey: organisationKeys.all(slug) });
  };
}

export function useCreateOrganisation(slug: string) {
  const saved = useSaved(slug);
  return useMutation({
    mutationFn: (body: OrganisationBody) => api.createOrganisation(slug, body),
    onSuccess: saved,
  });
}

export function useUpdateOrganisation(slug: string, id: string) {
  const saved = useSaved(slug);
  return useMutation({
    mutationFn: (body: OrganisationBody) => api.updateOrganisation(slug, id, body),
    onSuccess: saved,
  });
}

export function useAddMember(slug: string, id: string) {
  const saved = useSaved(slug);
  return useMutation({
    mutationFn: (email: string) => api.addOrganisationMember(slug, id, email),
    onSuccess: saved,
  });
}

export function useRemoveMember(slug: string, id: string) {
  const saved = useSaved(slug);
  return useMutation({
    mutationFn: (personId: string) => api.removeOrganisationMember(slug, id, personId),
    onSuccess: saved,
  });
}

export function useSetOrganisationActive(slug: string) {
  const saved = useSaved(slug);
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.setOrganisationActive(slug, id, active),
    onSuccess: saved,
  });
}
