import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type InvoiceFilter,
  type Order,
  type PaymentMethod,
  type SalesPeriod,
} from '../../api/client';

/** Carts and prices are per buyer: the person ('self') or an organisation they act for. */
const buyerKey = (organisationId?: string) => organisationId ?? 'self';

export const shopKeys = {
  all: (slug: string) => ['shop', slug] as const,
  products: (slug: string, organisationId?: string) =>
    ['shop', slug, 'products', buyerKey(organisationId)] as const,
  /** Every buyer's cart (for invalidation). */
  cart: (slug: string) => ['shop', slug, 'cart'] as const,
  buyerCart: (slug: string, organisationId?: string) =>
    ['shop', slug, 'cart', buyerKey(organisationId)] as const,
  order: (slug: string, id: string) => ['shop', slug, 'order', id] as const,
  sales: (slug: string, period: SalesPeriod) => ['shop', slug, 'sales', period] as const,
  invoices: (slug: string) => ['shop', slug, 'invoices'] as const,
  invoiceList: (slug: string, filter: InvoiceFilter) => ['shop', slug, 'invoices', filter] as const,
};

/**
 * The whole catalogue, priced for the buyer; the kind filter is applied on the page (few
 * products per municipality).
 */
export const useProducts = (slug: string, organisationId?: string) =>
  useQuery({
    queryKey: shopKeys.products(slug, organisationId),
    queryFn: () => api.listProducts(slug, undefined, organisationId),
  });

/** The person's own cart, or the one they fill for an organisation. */
export const useCart = (slug: string, enabled: boolean, organisationId?: string) =>
  useQuery({
    queryKey: shopKeys.buyerCart(slug, organisationId),
    queryFn: () => api.getCart(slug, organisationId),
    enabled,
  });

/** A pending order is checked again now and then: the provider's callback may settle it. */
export const useOrder = (slug: string, orderId: string) =>
  useQuery({
    queryKey: shopKeys.order(slug, orderId),
    queryFn: () => api.getOrder(slug, orderId),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 10_000 : false),
  });

/** Sets a product's quantity in the buyer's cart (0 removes it); the answer is the repriced cart. */
export function useSetCartLine(slug: string, organisationId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, quantity }: { productId: string; quantity: number }) =>
      api.addToCart(slug, productId, quantity, organisationId),
    onSuccess: (cart: Order) =>
      queryClient.setQueryData(shopKeys.buyerCart(slug, organisationId), cart),
  });
}

/** Places the buyer's order; the caller then sends the browser to the payment provider. */
export function useCheckout(slug: string, organisationId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (method: PaymentMethod) => api.checkout(slug, method, organisationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopKeys.cart(slug) }),
  });
}

/**
 * Takes a held booking out of the cart: the booking is cancelled (the API removes its line)
 * and the time is free again for others.
 */
export function useRemoveBooking(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reservationId: string) => api.cancelReservation(slug, reservationId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: shopKeys.cart(slug) }),
        // The booking lists and calendars (bookingKeys.all) show it cancelled now.
        queryClient.invalidateQueries({ queryKey: ['bookings', slug] }),
      ]),
  });
}

/** Staff: paid order lines of a period. */
export const useSales = (slug: string, period: SalesPeriod) =>
  useQuery({ queryKey: shopKeys.sales(slug, period), queryFn: () => api.listSales(slug, period) });

/** Staff: invoices by state. */
export const useInvoices = (slug: string, filter: InvoiceFilter) =>
  useQuery({
    queryKey: shopKeys.invoiceList(slug, filter),
    queryFn: () => api.listInvoices(slug, filter),
  });

/** Staff: record an invoice paid; every invoice list and the sales change with it. */
export function useMarkInvoicePaid(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invoiceId, paidOn }: { invoiceId: string; paidOn: string }) =>
      api.markInvoicePaid(slug, invoiceId, paidOn),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopKeys.all(slug) }),
  });
}

/**
 * Takes a held course seat out of the cart: the registration is cancelled (the API removes its
 * line) and the seat goes to the next on the waitlist.
 */
export function useRemoveRegistration(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) => api.cancelRegistration(slug, registrationId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: shopKeys.cart(slug) }),
        // Seats left and the registration lists (courseKeys.all) change with it.
        queryClient.invalidateQueries({ queryKey: ['courses', slug] }),
      ]),
  });
}

/**
 * Takes a season out of the cart: its coming weeks are cancelled (the API removes their lines)
 * and the times are free again.
 */
export function useRemoveSeason(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seriesId: string) => api.cancelReservationSeries(slug, seriesId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: shopKeys.cart(slug) }),
        queryClient.invalidateQueries({ queryKey: ['bookings', slug] }),
      ]),
  });
}
