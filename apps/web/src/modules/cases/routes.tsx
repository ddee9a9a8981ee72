import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppShell } from '../../app/AppShell';
import { RouteErrorPage } from '../../app/ErrorBoundary';
import { RoleOnly } from '../daycare/RoleOnly';

// The case bank's pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const CaseBankPage = page(() => import('./CaseBankPage').then((m) => m.CaseBankPage));
const CasePage = page(() => import('./CasePage').then((m) => m.CasePage));
const CaseAdminPage = page(() => import('./CaseAdminPage').then((m) => m.CaseAdminPage));
const CaseEditPage = page(() => import('./CaseEditPage').then((m) => m.CaseEditPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/**
 * The shared case bank at /cases, outside any municipality's address: it shows every
 * municipality's cases, and its links stay the same whichever municipality shares them.
 * (A static path wins over /:slug in the router, so no municipality may take "cases" as slug.)
 */
export const caseBankRoutes: RouteObject[] = [
  {
    path: 'cases',
    errorElement: (
      <AppShell>
        <RouteErrorPage />
      </AppShell>
    ),
    children: [
      { index: true, element: <AppShell>{el(CaseBankPage)}</AppShell> },
      { path: ':id', element: <AppShell>{el(CasePage)}</AppShell> },
    ],
  },
];

/** The digital team's case editor, below /:slug/. */
export const caseAdminRoutes: RouteObject[] = [
  {
    path: 'admin/cases',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(CaseAdminPage)}</RoleOnly>,
  },
  {
    path: 'admin/cases/new',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(CaseEditPage)}</RoleOnly>,
  },
  {
    path: 'admin/cases/:caseId',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(CaseEditPage)}</RoleOnly>,
  },
];
