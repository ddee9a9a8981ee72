import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { isApiError } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { NotFoundPage } from '../platform/NotFoundPage';
import { TermsEditor } from './FacilityTerms';
import { useResource, useResources } from './queries';
import { StaffOnly } from './StaffOnly';
import './bookings.css';

/** Facility staff: the facilities, each with its administration page. */
export function FacilityAdminListPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const resources = useResources(slug, {});
  usePageTitle(t('facilityAdmin.title'));
  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('facilityAdmin.title')}
        </Heading>
        <Paragraph mb="m">{t('facilityAdmin.intro')}</Paragraph>
        {resources.isPending && <Loading text={t('loading')} />}
        {resources.isError && <ErrorAlert error={resources.error} />}
        {resources.data && (
          <ul className="facility-admin-list">
            {resources.data.items.map((r) => (
              <li key={r.id}>
                <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/facilities/${r.id}`}>
                  {r.name[language]}
                </RouterLink>
              </li>
            ))}
          </ul>
        )}
      </div>
    </StaffOnly>
  );
}

function Editor({ slug, resourceId }: { slug: string; resourceId: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const resource = useResource(slug, resourceId);
  const data = resource.data;
  usePageTitle(data ? t('facilityAdmin.editTitle', { name: data.name[language] }) : '');
  if (resource.isError && (isApiError(resource.error, 404) || isApiError(resource.error, 400))) {
    return <NotFoundPage />;
  }
  return (
    <div className="page">
      <Paragraph mb="s">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/facilities`}>
          {t('facilityAdmin.back')}
        </RouterLink>
      </Paragraph>
      {resource.isPending && <Loading text={t('loading')} />}
      {resource.isError && <ErrorAlert error={resource.error} />}
      {data && (
        <>
          <Heading variant="h1" mb="s">
            {t('facilityAdmin.editTitle', { name: data.name[language] })}
          </Heading>
          <Paragraph mb="m">
            <RouterLink asComponent={RouterDomLink} to={`/${slug}/facilities/${data.id}`}>
              {t('facilityAdmin.publicPage')}
            </RouterLink>
          </Paragraph>
          <TermsEditor key={data.id} slug={slug} resource={data} />
        </>
      )}
    </div>
  );
}

/** Facility staff: one facility's administration (its terms of use). */
export function FacilityAdminPage() {
  const { slug } = useMunicipality();
  const { resourceId = '' } = useParams();
  return (
    <StaffOnly>
      <Editor slug={slug} resourceId={resourceId} />
    </StaffOnly>
  );
}
