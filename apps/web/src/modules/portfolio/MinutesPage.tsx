import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../courses/format';
import { minutesTextUrl } from './api';
import { formatScore } from './format';
import { useMinutes } from './queries';
import './portfolio.css';

/** A round's minutes: public once published; the team sees the draft. */
export function MinutesPage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const { roundId = '' } = useParams();
  const minutes = useMinutes(slug, roundId);
  const language = currentLanguage();
  usePageTitle(t('minutes.title'));
  if (minutes.isPending) return <Loading text={t('loading')} />;
  if (minutes.isError) return <ErrorAlert error={minutes.error} />;
  const m = minutes.data;
  return (
    <div className="page portfolio">
      <p>
        <Link to={`/${slug}/portfolio/rounds`}>{t('round.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('minutes.heading', { title: m.title, date: formatDate(m.meetingDate, language) })}
      </Heading>
      {!m.published && <Paragraph mb="s">{t('minutes.draft')}</Paragraph>}
      <Paragraph mb="m">{t('minutes.scorers', { names: m.scorers.join(', ') || '–' })}</Paragraph>
      <ol className="portfolio-minutes">
        {m.items.map((item) => (
          <li key={item.ideaId}>
            <Heading variant="h3" as="h2">
              <Link to={`/${slug}/portfolio/ideas/${item.ideaId}`}>{item.title}</Link>
            </Heading>
            <p>{t('round.combined', { score: formatScore(item.combinedScore, language) })}</p>
            <p>
              <strong>{t('round.decision')}:</strong>{' '}
              {item.decision ? t(`decision.${item.decision}`) : t('minutes.undecided')}
              {item.timeboxDays ? ` (${t('idea.days', { count: item.timeboxDays })})` : ''}
            </p>
            {item.reason && <p>{item.reason}</p>}
          </li>
        ))}
      </ol>
      <p>
        <a href={minutesTextUrl(slug, roundId)}>{t('minutes.text')}</a>
      </p>
    </div>
  );
}
