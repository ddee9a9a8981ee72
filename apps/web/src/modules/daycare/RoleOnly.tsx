import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { Role } from '../../api/client';
import { Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';

function NoAccess() {
  const { t } = useTranslation('daycare');
  usePageTitle(t('noAccess.title'));
  return (
    <div className="page">
      <Heading variant="h1" mb="m">
        {t('noAccess.title')}
      </Heading>
      <Paragraph>{t('noAccess.body')}</Paragraph>
    </div>
  );
}

/**
 * The daycare staff and administration pages: visitors go to the login page and come back,
 * signed-in people without one of the roles are told they have no access. The API checks the
 * same roles, and more (the units where the staff member works).
 */
export function RoleOnly({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation('daycare');
  const { slug } = useMunicipality();
  const location = useLocation();
  const session = useSession(slug);

  if (session.isPending) return <Loading text={t('loading')} />;
  if (!session.data?.user) {
    const returnTo = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/${slug}/login?returnTo=${returnTo}`} replace />;
  }
  if (!session.data.roles.some((role) => roles.includes(role))) return <NoAccess />;
  return children;
}
