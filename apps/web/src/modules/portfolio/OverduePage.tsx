import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { ClockLines } from './ExperimentClock';
import { useOverdue } from './queries';
import './portfolio.css';

/** The team's overdue view: running experiments past their due date or not declared in 24 h. */
export function OverduePage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const overdue = useOverdue(slug);
  usePageTitle(t('overdue.title'));
  return (
    <div className="page portfolio">
      <p>
        <Link to={`/${slug}/portfolio`}>{t('idea.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('overdue.title')}
      </Heading>
      <Paragraph mb="m">{t('overdue.intro')}</Paragraph>
      {overdue.isPending && <Loading text={t('loading')} />}
      {overdue.isError && <ErrorAlert error={overdue.error} />}
      {overdue.data?.items.length === 0 && <Paragraph>{t('overdue.none')}</Paragraph>}
      <ul className="portfolio-list">
        {overdue.data?.items.map((e) => (
          <li key={e.ideaId} className="portfolio-card portfolio-card--late">
            <Heading variant="h3" as="h2">
              <Link to={`/${slug}/portfolio/ideas/${e.ideaId}`}>{e.title}</Link>
            </Heading>
            {e.owner && <p>{t('overdue.owner', { name: e.owner.name })}</p>}
            <ClockLines experiment={e} />
          </li>
        ))}
      </ul>
    </div>
  );
}
