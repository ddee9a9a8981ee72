import type { RouteObject } from 'react-router-dom';
import { AccessibilityPage } from './AccessibilityPage';
import { FrontPage } from './FrontPage';
import { LoginPage } from './LoginPage';
import { NotificationsPage } from './NotificationsPage';

/** Routes below /:slug/. */
export const platformRoutes: RouteObject[] = [
  { index: true, element: <FrontPage /> },
  { path: 'login', element: <LoginPage /> },
  { path: 'notifications', element: <NotificationsPage /> },
  { path: 'accessibility', element: <AccessibilityPage /> },
];
