import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { NotFoundPage } from '../modules/platform/NotFoundPage';
import { useMunicipalityQuery } from '../modules/platform/queries';
import { AppShell } from './AppShell';
import { ErrorAlert, Loading } from './feedback';

/** Loads the municipality named by /:slug/ and frames its pages. */
export function MunicipalityLayout() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const municipality = useMunicipalityQuery(slug);

  if (municipality.isPending) {
    return (
      <AppShell>
        <Loading text={t('loading')} />
      </AppShell>
    );
  }
  if (municipality.isError) {
    return (
      <AppShell>
        {isApiError(municipality.error, 404) ? (
          <NotFoundPage />
        ) : (
          <div className="page">
            <ErrorAlert error={municipality.error} />
          </div>
        )}
      </AppShell>
    );
  }
  return (
    <AppShell municipality={municipality.data}>
      <Outlet />
    </AppShell>
  );
}
