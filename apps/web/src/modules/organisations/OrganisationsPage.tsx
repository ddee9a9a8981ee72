import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useNavigate } from 'react-router-dom';
import {
  Expander,
  ExpanderContent,
  ExpanderTitleButton,
  Heading,
  Paragraph,
  RouterLink,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { OrganisationForm } from './OrganisationForm';
import { useCreateOrganisation, useMyOrganisations } from './queries';
import './organisations.css';

/**
 * The person's associations and companies — the buyers they may book and buy for — and the
 * form to register one they represent (they become its first member).
 */
export function OrganisationsPage() {
  const { t } = useTranslation('organisations');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const mine = useMyOrganisations(slug, true);
  const create = useCreateOrganisation(slug);
  usePageTitle(t('mine.title'));

  const items = mine.data?.items ?? [];
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('mine.title')}
      </Heading>
      <Paragraph mb="m">{t('mine.intro')}</Paragraph>
      {mine.isPending && <Loading text={t('loading')} />}
      {mine.isError && <ErrorAlert error={mine.error} />}
      {mine.data &&
        (items.length === 0 ? (
          <Paragraph mb="m">{t('mine.empty')}</Paragraph>
        ) : (
          <ul className="organisation-list">
            {items.map((o) => (
              <li key={o.id} className="organisation-list__item">
                <RouterLink asComponent={RouterDomLink} to={`/${slug}/organisations/${o.id}`}>
                  {o.name}
                </RouterLink>
                <span className="organisation-list__meta">
                  {t(`kinds.${o.kind}`)} · {o.businessId ?? o.registerNumber} ·{' '}
                  {t('mine.members', { count: o.memberCount })}
                </span>
              </li>
            ))}
          </ul>
        ))}
      <section aria-labelledby="register-heading" className="form-section">
        <Heading variant="h2" id="register-heading" mb="s">
          {t('register.heading')}
        </Heading>
        <Paragraph mb="m">{t('register.intro')}</Paragraph>
        <Expander>
          <ExpanderTitleButton>{t('register.open')}</ExpanderTitleButton>
          <ExpanderContent>
            <OrganisationForm
              organisation={null}
              kindLocked={false}
              submitText={t('register.submit')}
              error={create.error}
              pending={create.isPending}
              onSubmit={async (body) => {
                const created = await create.mutateAsync(body);
                void navigate(`/${slug}/organisations/${created.id}`, {
                  state: { registered: created.name },
                });
              }}
            />
          </ExpanderContent>
        </Expander>
      </section>
    </div>
  );
}
