import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { useSession } from '../platform/queries';

/** The cart and order pages: visitors go to the login page and come back here afterwards. */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shop');
  const { slug } = useMunicipality();
  const location = useLocation();
  const session = useSession(slug);

  if (session.isPending) return <Loading text={t('loading')} />;
  if (!session.data?.user) {
    const returnTo = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/${slug}/login?returnTo=${returnTo}`} replace />;
  }
  return children;
}
