import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type InvoiceSettings,
  type MunicipalitySettings,
  type Role,
  type SendNotificationBody,
} from '../../api/client';
import { platformKeys } from '../platform/queries';

export const adminKeys = {
  people: (slug: string, q: string) => ['admin', slug, 'people', q] as const,
  allPeople: (slug: string) => ['admin', slug, 'people'] as const,
  audit: (slug: string) => ['admin', slug, 'audit'] as const,
  emails: (slug: string) => ['admin', slug, 'emails'] as const,
  invoicing: (slug: string) => ['admin', slug, 'invoicing'] as const,
};

export const useInvoiceSettings = (slug: string) =>
  useQuery({ queryKey: adminKeys.invoicing(slug), queryFn: () => api.getInvoiceSettings(slug) });

export function useUpdateInvoiceSettings(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceSettings) => api.updateInvoiceSettings(slug, body),
    onSuccess: (settings) => {
      queryClient.setQueryData(adminKeys.invoicing(slug), settings);
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit(slug) });
    },
  });
}

export function useUpdateSettings(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MunicipalitySettings) => api.updateMunicipalitySettings(slug, body),
    onSuccess: (municipality) => {
      queryClient.setQueryData(platformKeys.municipality(slug), municipality);
      void queryClient.invalidateQueries({ queryKey: platformKeys.municipalities });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit(slug) });
    },
  });
}

export const usePeople = (slug: string, q: string) =>
  useQuery({ queryKey: adminKeys.people(slug, q), queryFn: () => api.listPeople(slug, q) });

export function useRoleChange(slug: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.allPeople(slug) }),
      queryClient.invalidateQueries({ queryKey: adminKeys.audit(slug) }),
      queryClient.invalidateQueries({ queryKey: platformKeys.session(slug) }),
    ]);
  const grant = useMutation({
    mutationFn: ({ email, role }: { email: string; role: Role }) =>
      api.grantRole(slug, email, role),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: ({ personId, role }: { personId: string; role: Role }) =>
      api.revokeRole(slug, personId, role),
    onSuccess: refresh,
  });
  return { grant, revoke };
}

export const useAuditEvents = (slug: string) =>
  useInfiniteQuery({
    queryKey: adminKeys.audit(slug),
    queryFn: ({ pageParam }) => api.listAuditEvents(slug, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length < 50 ? undefined : last.items.at(-1)?.at),
  });

export const useOutboxEmails = (slug: string) =>
  useQuery({ queryKey: adminKeys.emails(slug), queryFn: () => api.listOutboxEmails(slug) });

export function useSendNotification(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendNotificationBody) => api.sendNotification(slug, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.emails(slug) }),
        queryClient.invalidateQueries({ queryKey: platformKeys.notifications(slug) }),
      ]),
  });
}
