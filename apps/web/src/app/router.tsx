import { createBrowserRouter } from 'react-router-dom';
import { adminRoutes } from '../modules/admin/routes';
import { bookingRoutes } from '../modules/bookings/routes';
import { caseAdminRoutes, caseBankRoutes } from '../modules/cases/routes';
import { courseRoutes } from '../modules/courses/routes';
import { daycareRoutes } from '../modules/daycare/routes';
import { messageRoutes } from '../modules/messages/routes';
import { pushRoutes } from '../modules/push/routes';
import { portfolioRoutes } from '../modules/portfolio/routes';
import { MunicipalityChooser } from '../modules/platform/MunicipalityChooser';
import { NotFoundPage } from '../modules/platform/NotFoundPage';
import { platformRoutes } from '../modules/platform/routes';
import { shopRoutes } from '../modules/shop/routes';
import { organisationRoutes } from '../modules/organisations/routes';
import { AppShell } from './AppShell';
import { RouteErrorPage } from './ErrorBoundary';
import { MunicipalityLayout } from './MunicipalityLayout';

export const router = createBrowserRouter([
  {
    path: '/',
    errorElement: (
      <AppShell>
        <RouteErrorPage />
      </AppShell>
    ),
    children: [
      {
        index: true,
        element: (
          <AppShell>
            <MunicipalityChooser />
          </AppShell>
        ),
      },
      ...caseBankRoutes,
      {
        path: ':slug',
        element: <MunicipalityLayout />,
        children: [
          {
            // Crashes inside a page keep the municipality's header and footer.
            errorElement: <RouteErrorPage />,
            children: [
              ...platformRoutes,
              ...bookingRoutes,
              ...courseRoutes,
              ...shopRoutes,
              ...organisationRoutes,
              ...daycareRoutes,
              ...messageRoutes,
              ...pushRoutes,
              ...portfolioRoutes,
              ...caseAdminRoutes,
              ...adminRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
