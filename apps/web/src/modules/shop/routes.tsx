import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from './SignedInOnly';

// The shop pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const ShopPage = page(() => import('./ShopPage').then((m) => m.ShopPage));
const CartPage = page(() => import('./CartPage').then((m) => m.CartPage));
const OrderPage = page(() => import('./OrderPage').then((m) => m.OrderPage));
const SalesPage = page(() => import('./SalesPage').then((m) => m.SalesPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/**
 * Routes below /:slug/. Everyone sees the products; the cart and orders are a signed-in
 * person's own. The payment provider returns the browser to orders/:orderId.
 */
export const shopRoutes: RouteObject[] = [
  { path: 'shop', element: el(ShopPage) },
  { path: 'shop/cart', element: <SignedInOnly>{el(CartPage)}</SignedInOnly> },
  { path: 'orders/:orderId', element: <SignedInOnly>{el(OrderPage)}</SignedInOnly> },
  // Staff (facility admins and admins): sales, invoices and receivables.
  { path: 'admin/sales', element: el(SalesPage) },
];
