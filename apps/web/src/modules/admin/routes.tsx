import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';

// The admin pages are loaded only when an admin opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const AdminLayout = page(() => import('./AdminLayout').then((m) => m.AdminLayout));
const AdminOverview = page(() => import('./AdminOverview').then((m) => m.AdminOverview));
const SettingsPage = page(() => import('./SettingsPage').then((m) => m.SettingsPage));
const PeopleRolesPage = page(() => import('./PeopleRolesPage').then((m) => m.PeopleRolesPage));
const AuditLogPage = page(() => import('./AuditLogPage').then((m) => m.AuditLogPage));
const EmailOutboxPage = page(() => import('./EmailOutboxPage').then((m) => m.EmailOutboxPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/** Routes below /:slug/. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: el(AdminLayout),
    children: [
      { index: true, element: el(AdminOverview) },
      { path: 'settings', element: el(SettingsPage) },
      { path: 'people', element: el(PeopleRolesPage) },
      { path: 'audit', element: el(AuditLogPage) },
      { path: 'emails', element: el(EmailOutboxPage) },
    ],
  },
];
