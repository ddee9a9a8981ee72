import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from '../shop/SignedInOnly';
import { RoleOnly } from './RoleOnly';

// The daycare pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const DaycarePage = page(() => import('./DaycarePage').then((m) => m.DaycarePage));
const StaffDayPage = page(() => import('./StaffDayPage').then((m) => m.StaffDayPage));
const DaycareAdminPage = page(() => import('./DaycareAdminPage').then((m) => m.DaycareAdminPage));
const FeesPage = page(() => import('./FeesPage').then((m) => m.FeesPage));
const IncomeStatementsPage = page(() =>
  import('./IncomeStatementsPage').then((m) => m.IncomeStatementsPage),
);
const FeeParametersPage = page(() =>
  import('./FeeParametersPage').then((m) => m.FeeParametersPage),
);
const DiscussionsPage = page(() => import('./DiscussionsPage').then((m) => m.DiscussionsPage));
const CalendarPage = page(() => import('./CalendarPage').then((m) => m.CalendarPage));
const StaffDiscussionsPage = page(() =>
  import('./StaffDiscussionsPage').then((m) => m.StaffDiscussionsPage),
);
const StaffSurveyPage = page(() => import('./StaffSurveyPage').then((m) => m.StaffSurveyPage));
const StaffEventsPage = page(() => import('./StaffEventsPage').then((m) => m.StaffEventsPage));
const DaycareUnitPage = page(() => import('./DaycareUnitPage').then((m) => m.DaycareUnitPage));
const FreePlacesPage = page(() => import('./FreePlacesPage').then((m) => m.FreePlacesPage));
const FreePlacesStopPage = page(() =>
  import('./FreePlacesStopPage').then((m) => m.FreePlacesStopPage),
);
const StaffFreePlacesPage = page(() =>
  import('./StaffFreePlacesPage').then((m) => m.StaffFreePlacesPage),
);

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/**
 * Routes below /:slug/: the guardian's daycare page, the staff's day view (the absence
 * notifications link to it with ?group=…&date=…) and the administrators' unit pages.
 */
export const daycareRoutes: RouteObject[] = [
  { path: 'daycare', element: <SignedInOnly>{el(DaycarePage)}</SignedInOnly> },
  {
    path: 'daycare/staff',
    element: <RoleOnly roles={['daycare_staff']}>{el(StaffDayPage)}</RoleOnly>,
  },
  { path: 'daycare/discussions', element: <SignedInOnly>{el(DiscussionsPage)}</SignedInOnly> },
  { path: 'daycare/calendar', element: <SignedInOnly>{el(CalendarPage)}</SignedInOnly> },
  {
    path: 'daycare/staff/discussions',
    element: <RoleOnly roles={['daycare_staff']}>{el(StaffDiscussionsPage)}</RoleOnly>,
  },
  {
    path: 'daycare/staff/discussions/:surveyId',
    element: <RoleOnly roles={['daycare_staff']}>{el(StaffSurveyPage)}</RoleOnly>,
  },
  {
    path: 'daycare/staff/events',
    element: <RoleOnly roles={['daycare_staff']}>{el(StaffEventsPage)}</RoleOnly>,
  },
  { path: 'daycare/fees', element: <SignedInOnly>{el(FeesPage)}</SignedInOnly> },
  // Public: the list for anyone, and the stop page that every alert links to (no login).
  { path: 'daycare/free-places', element: el(FreePlacesPage) },
  { path: 'daycare/free-places/stop/:token', element: el(FreePlacesStopPage) },
  {
    path: 'daycare/free-places/manage',
    element: <RoleOnly roles={['daycare_staff', 'admin']}>{el(StaffFreePlacesPage)}</RoleOnly>,
  },
  {
    path: 'admin/daycare/income-statements',
    element: <RoleOnly roles={['finance']}>{el(IncomeStatementsPage)}</RoleOnly>,
  },
  {
    path: 'admin/daycare/fees',
    element: <RoleOnly roles={['admin', 'finance']}>{el(FeeParametersPage)}</RoleOnly>,
  },
  { path: 'admin/daycare', element: <RoleOnly roles={['admin']}>{el(DaycareAdminPage)}</RoleOnly> },
  {
    path: 'admin/daycare/:unitId',
    element: <RoleOnly roles={['admin']}>{el(DaycareUnitPage)}</RoleOnly>,
  },
];
