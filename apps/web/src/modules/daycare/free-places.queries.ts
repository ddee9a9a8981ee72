import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

// The free-place operations, one function per operationId like `api` in api/client.ts; kept
// in this module so that the shared client file stays small.

type Ok<Op extends keyof operations, S extends number = 200> = operations[Op]['responses'] extends {
  [K in S]: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type PublicFreePlaces = Ok<'listFreePlaces'>;
export type FreePlaceUnit = PublicFreePlaces['units'][number];
export type FreePlace = FreePlaceUnit['freePlaces'][number];
export type AgeGroup = FreePlace['ageGroup'];
export type FreePlaceSubscription = Ok<'listFreePlaceSubscriptions'>['items'][number];
export type StaffFreePlaces = Ok<'listStaffFreePlaces'>;
export type RecordFreePlacesBody = NonNullable<
  operations['recordFreePlaces']['requestBody']
>['content']['application/json'];
export type TokenResult = Ok<'unsubscribeFreePlaceAlertsByToken'>;

/** In the order of the children's age, as the API's list. */
export const AGE_GROUPS: AgeGroup[] = ['under3', 'age3to5', 'preschool'];

const p = (slug: string) => ({ params: { path: { slug } } });

export const freePlacesApi = {
  listFreePlaces: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/free-places', p(slug))),
  listFreePlaceSubscriptions: (slug: string) =>
    unwrap(client.GET('/api/{slug}/daycare/free-places/subscriptions', p(slug))),
  subscribeFreePlaceAlerts: (slug: string, body: { unitId: string; ageGroup: AgeGroup }) =>
    unwrap(client.POST('/api/{slug}/daycare/free-places/subscriptions', { ...p(slug), body })),
  removeFreePlaceSubscription: (slug: string, subscriptionId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/daycare/free-places/subscriptions/{subscriptionId}', {
        params: { path: { slug, subscriptionId } },
      }),
    ),
  unsubscribeFreePlaceAlertsByToken: (slug: string, token: string) =>
    unwrap(
      client.POST('/api/{slug}/daycare/free-places/unsubscribe', { ...p(slug), body: { token } }),
    ),
  resubscribeFreePlaceAlertsByToken: (slug: string, token: string) =>
    unwrap(
      client.POST('/api/{slug}/daycare/free-places/resubscribe', { ...p(slug), body: { token } }),
    ),
  listStaffFreePlaces: (slug: string) =>
    unwrap(client.GET('/api/{slug}/daycare/free-places/staff', p(slug))),
  recordFreePlaces: (slug: string, body: RecordFreePlacesBody) =>
    unwrap(client.POST('/api/{slug}/daycare/free-places', { ...p(slug), body })),
  endFreePlaces: (slug: string, freePlaceId: string) =>
    unwrap(
      client.POST('/api/{slug}/daycare/free-places/{freePlaceId}/end', {
        params: { path: { slug, freePlaceId } },
      }),
    ),
};

const keys = {
  all: (slug: string) => ['free-places', slug] as const,
  list: (slug: string) => ['free-places', slug, 'public'] as const,
  mine: (slug: string) => ['free-places', slug, 'mine'] as const,
  staff: (slug: string) => ['free-places', slug, 'staff'] as const,
};

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all(slug) });
}

/** Fetched anew whenever the page is opened: an alert's reader comes to see the new places. */
export const useFreePlaces = (slug: string) =>
  useQuery({
    queryKey: keys.list(slug),
    queryFn: () => freePlacesApi.listFreePlaces(slug),
    staleTime: 0,
  });

export const useMySubscriptions = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.mine(slug),
    queryFn: () => freePlacesApi.listFreePlaceSubscriptions(slug),
    enabled,
    staleTime: 0,
  });

/** The stop page's two calls by token; either changes the person's subscriptions. */
export function useSubscriptionByToken(slug: string, token: string, subscribe: boolean) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: () =>
      subscribe
        ? freePlacesApi.resubscribeFreePlaceAlertsByToken(slug, token)
        : freePlacesApi.unsubscribeFreePlaceAlertsByToken(slug, token),
    onSettled: refresh,
  });
}

export function useSubscribe(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: { unitId: string; ageGroup: AgeGroup }) =>
      freePlacesApi.subscribeFreePlaceAlerts(slug, body),
    onSuccess: refresh,
  });
}

export function useRemoveSubscription(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => freePlacesApi.removeFreePlaceSubscription(slug, id),
    onSettled: refresh,
  });
}

export const useStaffFreePlaces = (slug: string) =>
  useQuery({ queryKey: keys.staff(slug), queryFn: () => freePlacesApi.listStaffFreePlaces(slug) });

export function useRecordFreePlaces(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: RecordFreePlacesBody) => freePlacesApi.recordFreePlaces(slug, body),
    onSuccess: refresh,
  });
}

export function useEndFreePlaces(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => freePlacesApi.endFreePlaces(slug, id),
    onSettled: refresh,
  });
}
