import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from '../shop/SignedInOnly';

// The organisation pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const OrganisationsPage = page(() =>
  import('./OrganisationsPage').then((m) => m.OrganisationsPage),
);
const OrganisationPage = page(() => import('./OrganisationPage').then((m) => m.OrganisationPage));
const OrganisationAdminPage = page(() =>
  import('./OrganisationAdminPage').then((m) => m.OrganisationAdminPage),
);

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/**
 * Routes below /:slug/: a person's organisations (the API's notice of being added links to
 * organisations/:id), and the staff list beside the other facility staff pages.
 */
export const organisationRoutes: RouteObject[] = [
  { path: 'organisations', element: <SignedInOnly>{el(OrganisationsPage)}</SignedInOnly> },
  {
    path: 'organisations/:organisationId',
    element: <SignedInOnly>{el(OrganisationPage)}</SignedInOnly>,
  },
  { path: 'admin/organisations', element: el(OrganisationAdminPage) },
];
