import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../courses/format';
import { portfolioApi } from './api';
import { RoundItemCard } from './RoundItemCard';
import { usePortfolioMutation, useRound } from './queries';
import './portfolio.css';

/** The team's round: criteria and weights, each idea's scores and decision, closing, minutes. */
export function RoundPage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const { roundId = '' } = useParams();
  const round = useRound(slug, roundId);
  const language = currentLanguage();
  const close = usePortfolioMutation(slug, () => portfolioApi.closeRound(slug, roundId));
  const publish = usePortfolioMutation(slug, () => portfolioApi.publishMinutes(slug, roundId));
  usePageTitle(round.data?.title ?? t('rounds.heading'));
  if (round.isPending) return <Loading text={t('loading')} />;
  if (round.isError) return <ErrorAlert error={round.error} />;
  const r = round.data;
  return (
    <div className="page portfolio">
      <p>
        <Link to={`/${slug}/portfolio/rounds`}>{t('round.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {`${r.title}, ${formatDate(r.meetingDate, language)}`}
      </Heading>
      <Paragraph mb="s">{t('round.intro')}</Paragraph>
      <p className="portfolio-card__meta">
        <span>{t('rounds.decided', { decided: r.decidedCount, count: r.itemCount })}</span>
        <span>
          {r.minutesPublished
            ? t('rounds.published')
            : r.closed
              ? t('rounds.closed')
              : t('rounds.open')}
        </span>
      </p>
      <ul className="portfolio-list">
        {r.items.map((item) => (
          <RoundItemCard key={item.idea.id} round={r} item={item} />
        ))}
      </ul>
      <section aria-labelledby="minutes-heading" className="form-section">
        <Heading variant="h2" id="minutes-heading" mb="s">
          {t('round.minutes')}
        </Heading>
        {(close.isError || publish.isError) && <ErrorAlert error={close.error ?? publish.error} />}
        <p className="portfolio-actions">
          <Link to={`/${slug}/portfolio/rounds/${r.id}/minutes`}>{t('round.showMinutes')}</Link>
        </p>
        {!r.closed && (
          <Button onClick={() => close.mutate(undefined)} disabled={close.isPending}>
            {t('round.close')}
          </Button>
        )}
        {r.closed && !r.minutesPublished && (
          <Button onClick={() => publish.mutate(undefined)} disabled={publish.isPending}>
            {t('round.publish')}
          </Button>
        )}
      </section>
    </div>
  );
}
