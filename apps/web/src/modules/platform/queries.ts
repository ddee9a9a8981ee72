import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LoginBody, type NotificationList, type Session } from '../../api/client';

export const platformKeys = {
  municipalities: ['municipalities'] as const,
  municipality: (slug: string) => ['municipality', slug] as const,
  session: (slug: string) => ['session', slug] as const,
  notifications: (slug: string) => ['notifications', slug] as const,
};

export const useMunicipalities = () =>
  useQuery({ queryKey: platformKeys.municipalities, queryFn: api.listMunicipalities });

export const useMunicipalityQuery = (slug: string) =>
  useQuery({
    queryKey: platformKeys.municipality(slug),
    queryFn: () => api.getMunicipality(slug),
    staleTime: 5 * 60_000,
  });

export const useSession = (slug: string | undefined) =>
  useQuery({
    queryKey: platformKeys.session(slug ?? ''),
    queryFn: () => api.getCurrentUser(slug ?? ''),
    enabled: Boolean(slug),
  });

export function useNotifications(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: platformKeys.notifications(slug),
    queryFn: () => api.listNotifications(slug),
    enabled,
  });
}

export function useLogin(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.login(slug, body),
    onSuccess: async (session: Session) => {
      queryClient.setQueryData(platformKeys.session(slug), session);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export function useLogout(slug: string, everywhere = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => (everywhere ? api.logoutEverywhere(slug) : api.logout(slug)),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'municipality' });
      await queryClient.invalidateQueries({ queryKey: platformKeys.session(slug) });
    },
  });
}

export function useMarkRead(slug: string) {
  const queryClient = useQueryClient();
  const key = platformKeys.notifications(slug);
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? api.markAllNotificationsRead(slug) : api.markNotificationRead(slug, id),
    onSuccess: (_data, id) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(key, (old) => {
        if (!old) return old;
        const items = old.items.map((n) =>
          (id === 'all' || n.id === id) && !n.readAt ? { ...n, readAt: now } : n,
        );
        return { items, unreadCount: items.filter((n) => !n.readAt).length };
      });
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
