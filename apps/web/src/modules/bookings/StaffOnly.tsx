import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';
import { staffRoles } from './kinds';

function NoAccess() {
  const { t } = useTranslation('bookings');
  usePageTitle(t('staff.noAccessTitle'));
  return (
    <div className="page">
      <Heading variant="h1" mb="m">
        {t('staff.noAccessTitle')}
      </Heading>
      <Paragraph>{t('staff.noAccessBody')}</Paragraph>
    </div>
  );
}

/**
 * The facility staff pages (facility_admin and admin): visitors go to the login page and come
 * back, other signed-in people are told they have no access. The API checks the same roles.
 */
export function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const location = useLocation();
  const session = useSession(slug);

  if (session.isPending) return <Loading text={t('loading')} />;
  if (!session.data?.user) {
    const returnTo = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/${slug}/login?returnTo=${returnTo}`} replace />;
  }
  if (!session.data.roles.some((role) => staffRoles.includes(role))) return <NoAccess />;
  return children;
}
