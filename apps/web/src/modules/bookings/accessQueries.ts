import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CreateDoorBody } from '../../api/client';

const keys = {
  all: (slug: string) => ['access', slug] as const,
  doors: (slug: string) => ['access', slug, 'doors'] as const,
  grants: (slug: string) => ['access', slug, 'grants'] as const,
};

export const useDoors = (slug: string) =>
  useQuery({ queryKey: keys.doors(slug), queryFn: () => api.listDoors(slug) });

/** Grant states move on their own (door confirmations, retries): refreshed every 15 s. */
export const useAccessGrants = (slug: string) =>
  useQuery({
    queryKey: keys.grants(slug),
    queryFn: () => api.listAccessGrants(slug),
    refetchInterval: 15_000,
  });

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all(slug) });
}

export function useCreateDoor(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: CreateDoorBody) => api.createDoor(slug, body),
    onSuccess: refresh,
  });
}

export function useRotateDoorToken(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (doorId: string) => api.rotateDoorToken(slug, doorId),
    onSuccess: refresh,
  });
}

export function useRetryAccessGrant(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (grantId: string) => api.retryAccessGrant(slug, grantId),
    onSuccess: refresh,
  });
}

/** Take a door out of use (its grants are removed) or back (the bookings' grants return). */
export function useSetDoorActive(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ doorId, active }: { doorId: string; active: boolean }) =>
      api.setDoorActive(slug, doorId, active),
    onSuccess: refresh,
  });
}
