import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useLocation, useParams } from 'react-router-dom';
import { Heading, InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';
import { MembersSection } from './MembersSection';
import { OrganisationForm } from './OrganisationForm';
import { useOrganisation, useUpdateOrganisation } from './queries';
import { isStaff } from './staff';
import './organisations.css';

/**
 * One organisation for its members (and the municipality's staff): its details to keep up to
 * date, and who may act for it. Only staff change the kind, which decides the prices.
 */
export function OrganisationPage() {
  const { t } = useTranslation('organisations');
  const { slug } = useMunicipality();
  const { organisationId = '' } = useParams();
  const location = useLocation();
  const session = useSession(slug);
  const organisation = useOrganisation(slug, organisationId);
  const update = useUpdateOrganisation(slug, organisationId);
  const [saved, setSaved] = useState(false);
  const registered = (location.state as { registered?: string } | null)?.registered;
  const data = organisation.data;
  usePageTitle(data?.name ?? t('page.title'));

  const staff = isStaff(session.data?.roles ?? []);
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {data?.name ?? t('page.title')}
      </Heading>
      <Paragraph mb="m">
        <RouterLink
          asComponent={RouterDomLink}
          to={staff && !data?.isMember ? `/${slug}/admin/organisations` : `/${slug}/organisations`}
        >
          {t(staff && !data?.isMember ? 'page.backStaff' : 'page.back')}
        </RouterLink>
      </Paragraph>
      {organisation.isPending && <Loading text={t('loading')} />}
      {organisation.isError && <ErrorAlert error={organisation.error} />}
      {registered && !saved && (
        <SuccessAlert>{t('register.done', { name: registered })}</SuccessAlert>
      )}
      {data && (
        <>
          {!data.active && (
            <InlineAlert status="warning" labelText={t('page.inactiveTitle')} mb="m">
              {t('page.inactiveBody')}
            </InlineAlert>
          )}
          <section aria-labelledby="details-heading" className="form-section">
            <Heading variant="h2" id="details-heading" mb="s">
              {t('page.details')}
            </Heading>
            <div role="status">{saved && <SuccessAlert>{t('page.saved')}</SuccessAlert>}</div>
            <OrganisationForm
              key={data.id}
              organisation={data}
              kindLocked={!staff}
              submitText={t('page.save')}
              error={update.error}
              pending={update.isPending}
              onSubmit={async (body) => {
                setSaved(false);
                await update.mutateAsync(body);
                setSaved(true);
              }}
            />
          </section>
          <MembersSection slug={slug} organisation={data} me={session.data?.user?.id ?? ''} />
        </>
      )}
    </div>
  );
}
