import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from '../shop/SignedInOnly';

const NotificationSettingsPage = lazy(async () => ({
  default: (await import('./NotificationSettingsPage')).NotificationSettingsPage,
}));

/** The person's notification settings (from the user menu). */
export const pushRoutes: RouteObject[] = [
  {
    path: 'notifications/settings',
    element: (
      <SignedInOnly>
        <Suspense fallback={null}>
          <NotificationSettingsPage />
        </Suspense>
      </SignedInOnly>
    ),
  },
];
