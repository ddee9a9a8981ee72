import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';
import { canModerate } from './roles';
import { viewsApi, type Funnel } from './viewsApi';
import './portfolio.css';
import './NumbersPage.css';

const STEPS = ['submitted', 'decided', 'started', 'adopted'] as const;
const pct = (value: number, max: number) => `${max > 0 ? (100 * value) / max : 0}%`;

/** Hand-drawn bars: a picture of the table beside it, announced as one image. */
function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('portfolioViews');
  const max = Math.max(1, ...funnel.years.flatMap((y) => STEPS.map((s) => y[s])));
  return (
    <figure className="numbers-chart" role="img" aria-label={t('numbers.funnelChart')}>
      <ul className="numbers-legend">
        {STEPS.map((s) => (
          <li key={s}>
            <span className={`numbers-swatch numbers-bar--${s}`} />
            {t(`numbers.${s}`)}
          </li>
        ))}
      </ul>
      {funnel.years.map((y) => (
        <div key={y.year} className="numbers-group">
          <div className="numbers-group__label">{y.year}</div>
          {STEPS.map((s) => (
            <div key={s} className="numbers-row numbers-row--step">
              <span className="numbers-track numbers-track--plain">
                <span
                  className={`numbers-bar numbers-bar--${s}`}
                  style={{ width: pct(y[s], max) }}
                />
              </span>
              <span className="numbers-value">{y[s]}</span>
            </div>
          ))}
        </div>
      ))}
    </figure>
  );
}

function FunnelTable({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('portfolioViews');
  return (
    <table className="numbers-table">
      <caption>{t('numbers.funnelHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('numbers.year')}</th>
          {STEPS.map((s) => (
            <th key={s} scope="col">
              {t(`numbers.${s}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {funnel.years.map((y) => (
          <tr key={y.year}>
            <th scope="row">{y.year}</th>
            {STEPS.map((s) => (
              <td key={s}>{y[s]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExperimentersChart({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('portfolioViews');
  const target = funnel.experimenterTarget;
  const max = Math.max(target, ...funnel.years.map((y) => y.experimenters));
  return (
    <figure
      className="numbers-chart"
      role="img"
      aria-label={t('numbers.experimentersChart', { target })}
    >
      {funnel.years.map((y) => (
        <div key={y.year} className="numbers-row numbers-row--labelled">
          <span className="numbers-group__label">{y.year}</span>
          <span className="numbers-track">
            <span
              className="numbers-bar numbers-bar--experimenters"
              style={{ width: pct(y.experimenters, max) }}
            />
            <span className="numbers-target" style={{ left: pct(target, max) }} />
          </span>
          <span className="numbers-value">{y.experimenters}</span>
        </div>
      ))}
      <p className="numbers-target-note">
        <span className="numbers-target-key" /> {t('numbers.targetLine', { target })}
      </p>
    </figure>
  );
}

function ExperimentersTable({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('portfolioViews');
  const target = funnel.experimenterTarget;
  return (
    <table className="numbers-table">
      <caption>{t('numbers.experimentersHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('numbers.year')}</th>
          <th scope="col">{t('numbers.experimenters')}</th>
          <th scope="col">{t('numbers.target')}</th>
          <th scope="col">{t('numbers.ofTarget')}</th>
        </tr>
      </thead>
      <tbody>
        {funnel.years.map((y) => (
          <tr key={y.year}>
            <th scope="row">{y.year}</th>
            <td>{y.experimenters}</td>
            <td>{target}</td>
            <td>{target > 0 ? `${Math.round((100 * y.experimenters) / target)} %` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "The portfolio in numbers", public: the funnel from idea to service per year and the
 * distinct experimenters against the target, each chart with its table beside it.
 */
export function NumbersPage() {
  const { t } = useTranslation('portfolioViews');
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const funnel = useQuery({
    queryKey: ['portfolio', slug, 'funnel'],
    queryFn: () => viewsApi.funnel(slug),
  });
  usePageTitle(t('numbers.title'));
  const data = funnel.data;
  return (
    <div className="page portfolio numbers-page">
      <Heading variant="h1" mb="s">
        {t('numbers.title')}
      </Heading>
      <Paragraph mb="s">{t('numbers.intro')}</Paragraph>
      <p className="portfolio-actions">
        <Link to={`/${slug}/portfolio`}>{t('nav.list')}</Link>
        {canModerate(session.data) && <Link to={`/${slug}/portfolio/board`}>{t('nav.board')}</Link>}
      </p>
      {funnel.isPending && <Loading text={t('numbers.title')} />}
      {funnel.isError && <ErrorAlert error={funnel.error} />}
      {data && (
        <>
          <section aria-labelledby="funnel-heading" className="numbers-section">
            <Heading variant="h2" id="funnel-heading" mb="s">
              {t('numbers.funnelHeading')}
            </Heading>
            <div className="numbers-pair">
              <FunnelChart funnel={data} />
              <FunnelTable funnel={data} />
            </div>
          </section>
          <section aria-labelledby="experimenters-heading" className="numbers-section">
            <Heading variant="h2" id="experimenters-heading" mb="s">
              {t('numbers.experimentersHeading')}
            </Heading>
            <Paragraph mb="s">
              {t('numbers.experimentersIntro', { target: data.experimenterTarget })}
            </Paragraph>
            <div className="numbers-pair">
              <ExperimentersChart funnel={data} />
              <ExperimentersTable funnel={data} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
