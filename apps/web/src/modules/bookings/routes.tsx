import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';

// The booking pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const FacilitiesPage = page(() => import('./FacilitiesPage').then((m) => m.FacilitiesPage));
const FacilityPage = page(() => import('./FacilityPage').then((m) => m.FacilityPage));
const MyBookingsPage = page(() => import('./MyBookingsPage').then((m) => m.MyBookingsPage));
const ReservationAdminPage = page(() =>
  import('./ReservationAdminPage').then((m) => m.ReservationAdminPage),
);

const AccessAdminPage = page(() => import('./AccessAdminPage').then((m) => m.AccessAdminPage));
const FacilityAdminListPage = page(() =>
  import('./FacilityAdminPage').then((m) => m.FacilityAdminListPage),
);
const FacilityAdminPage = page(() =>
  import('./FacilityAdminPage').then((m) => m.FacilityAdminPage),
);
const UtilisationPage = page(() => import('./UtilisationPage').then((m) => m.UtilisationPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/** Routes below /:slug/. The staff page is outside the admin area: facility admins use it too. */
export const bookingRoutes: RouteObject[] = [
  { path: 'facilities', element: el(FacilitiesPage) },
  { path: 'facilities/:resourceId', element: el(FacilityPage) },
  { path: 'bookings/mine', element: el(MyBookingsPage) },
  { path: 'admin/reservations', element: el(ReservationAdminPage) },
  { path: 'admin/utilisation', element: el(UtilisationPage) },
  { path: 'admin/access', element: el(AccessAdminPage) },
  { path: 'admin/facilities', element: el(FacilityAdminListPage) },
  { path: 'admin/facilities/:resourceId', element: el(FacilityAdminPage) },
];
