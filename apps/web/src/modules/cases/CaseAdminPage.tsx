import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate } from './format';
import { useOwnCases } from './queries';
import './cases.css';

/** The digital team's case cards: drafts and published ones, newest first. */
export function CaseAdminPage() {
  const { t } = useTranslation('cases');
  const { slug } = useMunicipality();
  const cases = useOwnCases(slug);
  usePageTitle(t('admin.title'));
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('admin.title')}
      </Heading>
      <Paragraph mb="s">{t('admin.intro')}</Paragraph>
      <div className="case-actions">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/cases/new`}>
          {t('admin.new')}
        </RouterLink>
        <RouterLink asComponent={RouterDomLink} to="/cases">
          {t('admin.bank')}
        </RouterLink>
      </div>
      {cases.isPending && <Loading text={t('loading')} />}
      {cases.isError && <ErrorAlert error={cases.error} />}
      {cases.data && cases.data.items.length === 0 && <Paragraph>{t('admin.empty')}</Paragraph>}
      {cases.data && cases.data.items.length > 0 && (
        <ul className="card-list">
          {cases.data.items.map((c) => (
            <li key={c.id} className="card case-card">
              <Heading variant="h2" as="h2">
                <RouterLink
                  asComponent={RouterDomLink}
                  to={`/${slug}/admin/cases/${c.id}`}
                  className="card__link"
                >
                  {c.title}
                </RouterLink>
              </Heading>
              <p className="case-meta">
                {c.status === 'published' && c.publishedAt
                  ? t('admin.publishedOn', { date: formatDate(c.publishedAt) })
                  : t('admin.draft')}
                {' · '}
                {t('bank.supports', { count: c.supports })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
