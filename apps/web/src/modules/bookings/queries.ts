import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type BlockBody,
  type BookForCustomerBody,
  type ReservationBody,
  type ReservationStatus,
  type ResourceFilter,
  type SeriesBody,
  type ResourceTerms,
  type UtilisationQuery,
} from '../../api/client';
import { shopKeys } from '../shop/queries';

export const bookingKeys = {
  all: (slug: string) => ['bookings', slug] as const,
  resources: (slug: string, filter: ResourceFilter) =>
    ['bookings', slug, 'resources', filter] as const,
  resource: (slug: string, id: string, organisationId?: string) =>
    ['bookings', slug, 'resource', id, organisationId ?? 'self'] as const,
  availability: (slug: string, id: string, from: string) =>
    ['bookings', slug, 'availability', id, from] as const,
  mine: (slug: string) => ['bookings', slug, 'mine'] as const,
  staff: (slug: string, status?: ReservationStatus) =>
    ['bookings', slug, 'staff', status ?? 'all'] as const,
  utilisation: (slug: string, query: UtilisationQuery) =>
    ['bookings', slug, 'utilisation', query] as const,
};

export const useResources = (slug: string, filter: ResourceFilter) =>
  useQuery({
    queryKey: bookingKeys.resources(slug, filter),
    queryFn: () => api.listResources(slug, filter),
    placeholderData: keepPreviousData,
  });

/** A facility, priced for the asker or for the organisation they act for. */
export const useResource = (slug: string, id: string, organisationId?: string) =>
  useQuery({
    queryKey: bookingKeys.resource(slug, id, organisationId),
    queryFn: () => api.getResource(slug, id, organisationId),
    // Another buyer's price of the same facility stands in while this one's loads.
    placeholderData: (previous, query) => (query?.queryKey[3] === id ? previous : undefined),
  });

export const useAvailability = (slug: string, id: string, from: string) =>
  useQuery({
    queryKey: bookingKeys.availability(slug, id, from),
    queryFn: () => api.getResourceAvailability(slug, id, from, 7),
    placeholderData: keepPreviousData,
  });

export const useMyReservations = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: bookingKeys.mine(slug),
    queryFn: () => api.listMyReservations(slug),
    enabled,
  });

export const useStaffReservations = (slug: string, status?: ReservationStatus) =>
  useQuery({
    queryKey: bookingKeys.staff(slug, status),
    queryFn: () => api.listReservations(slug, status),
  });

/** Not kept while the period changes: old figures under a new period's caption would mislead. */
export const useUtilisationReport = (slug: string, query: UtilisationQuery) =>
  useQuery({
    queryKey: bookingKeys.utilisation(slug, query),
    queryFn: () => api.getUtilisationReport(slug, query),
  });

/** A new secret feed address; the previous one stops working on the server. */
export const useCreateCalendarFeed = (slug: string) =>
  useMutation({ mutationFn: () => api.createCalendarFeed(slug) });

/**
 * Every booking change can show in availability, own and staff lists, and a priced booking
 * enters or leaves its booker's cart: refresh them all.
 */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: bookingKeys.all(slug) }),
      queryClient.invalidateQueries({ queryKey: shopKeys.cart(slug) }),
    ]);
}

export function useCreateReservation(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: ReservationBody) => api.createReservation(slug, body),
    onSettled: refresh,
  });
}

export function useCancelReservation(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api.cancelReservation(slug, id, reason),
    onSuccess: refresh,
  });
}

export function useDecideReservation(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ id, approve, reason }: { id: string; approve: boolean; reason?: string }) =>
      api.decideReservation(slug, id, approve, reason),
    onSuccess: refresh,
  });
}

/** Staff book for a customer (found by email). */
export function useBookForCustomer(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: BookForCustomerBody) => api.createReservationForCustomer(slug, body),
    onSuccess: refresh,
  });
}

export function useBlockTime(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ resourceId, body }: { resourceId: string; body: BlockBody }) =>
      api.blockResourceTime(slug, resourceId, body),
    onSuccess: refresh,
  });
}

/** A season: the same weekday and time every week until a date. */
export function useCreateSeries(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: SeriesBody) => api.createReservationSeries(slug, body),
    onSettled: refresh,
  });
}

/** Cancel the coming weeks of one's own season (refunded or credited by the rule). */
export function useCancelSeries(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ seriesId, reason }: { seriesId: string; reason?: string }) =>
      api.cancelReservationSeries(slug, seriesId, reason),
    onSuccess: refresh,
  });
}

/** Staff decide the requested weeks of a season at once. */
export function useDecideSeries(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (d: { seriesId: string; approve: boolean; reason?: string }) =>
      api.decideReservationSeries(slug, d.seriesId, d.approve, d.reason),
    onSuccess: refresh,
  });
}

/** Staff set a facility's terms of use: the facility page shows the new version at once. */
export function useSetResourceTerms(slug: string, resourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: ResourceTerms['text']) => api.setResourceTerms(slug, resourceId, text),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: bookingKeys.resource(slug, resourceId) }),
  });
}
