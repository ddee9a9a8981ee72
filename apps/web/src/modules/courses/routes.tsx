import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from '../shop/SignedInOnly';

// The course pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const CoursesPage = page(() => import('./CoursesPage').then((m) => m.CoursesPage));
const CoursePage = page(() => import('./CoursePage').then((m) => m.CoursePage));
const MyRegistrationsPage = page(() =>
  import('./MyRegistrationsPage').then((m) => m.MyRegistrationsPage),
);
const CourseAdminPage = page(() => import('./CourseAdminPage').then((m) => m.CourseAdminPage));
const CourseEditPage = page(() => import('./CourseEditPage').then((m) => m.CourseEditPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/**
 * Routes below /:slug/. Everyone sees the courses; registrations are a signed-in guardian's
 * own (the API's notifications link to courses/mine). The staff pages sit beside the other
 * facility staff pages, outside the admin area.
 */
export const courseRoutes: RouteObject[] = [
  { path: 'courses', element: el(CoursesPage) },
  { path: 'courses/mine', element: <SignedInOnly>{el(MyRegistrationsPage)}</SignedInOnly> },
  { path: 'courses/:courseId', element: el(CoursePage) },
  { path: 'admin/courses', element: el(CourseAdminPage) },
  { path: 'admin/courses/new', element: el(CourseEditPage) },
  { path: 'admin/courses/:courseId', element: el(CourseEditPage) },
];
