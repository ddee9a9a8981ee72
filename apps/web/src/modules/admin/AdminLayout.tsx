import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import {
  Heading,
  Paragraph,
  RouterLink,
  ServiceNavigation,
  ServiceNavigationItem,
} from 'suomifi-ui-components';
import { Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { useIsSmallScreen } from '../../app/useMediaQuery';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';

const sections = [
  { path: '', key: 'overview' },
  { path: 'settings', key: 'settings' },
  { path: 'people', key: 'people' },
  { path: 'audit', key: 'audit' },
  { path: 'emails', key: 'emails' },
] as const;

function NoAccess() {
  const { t } = useTranslation('admin');
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

/** Admin pages are shown only to people with the admin role in this municipality. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const municipality = useMunicipality();
  const location = useLocation();
  const small = useIsSmallScreen();
  const session = useSession(municipality.slug);
  const base = `/${municipality.slug}/admin`;

  if (session.isPending) return <Loading text={t('loading')} />;
  if (!session.data?.user) {
    const returnTo = encodeURIComponent(location.pathname);
    return <Navigate to={`/${municipality.slug}/login?returnTo=${returnTo}`} replace />;
  }
  if (!session.data.roles.includes('admin')) return <NoAccess />;

  const current = location.pathname.replace(/\/$/, '');
  return (
    <div className="page admin">
      <ServiceNavigation
        aria-label={t('navLabel')}
        className="admin__nav"
        variant={small ? 'smallScreen' : 'default'}
        smallScreenExpandButtonText={t('navExpand')}
        initiallyExpanded={false}
      >
        {sections.map((s) => {
          const to = s.path ? `${base}/${s.path}` : base;
          return (
            <ServiceNavigationItem key={s.key} selected={current === to}>
              <RouterLink asComponent={NavLink} to={to} end>
                {t(`sections.${s.key}`)}
              </RouterLink>
            </ServiceNavigationItem>
          );
        })}
      </ServiceNavigation>
      <div className="admin__content">
        <Outlet />
      </div>
    </div>
  );
}
