import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { currentLanguage } from '../../i18n';
import type { CaseCard } from './api';
import { formatDate, formatEuros, formatNumber } from './format';

/** The facts at the top of a case card: who, when, how long, how much, what came of it. */
export function CaseFacts({ card }: { card: CaseCard }) {
  const { t } = useTranslation('cases');
  const language = currentLanguage();
  const m = card.municipality;
  return (
    <dl className="case-facts">
      <dt>{t('case.municipality')}</dt>
      <dd>
        {m.name[language]}
        {m.sizeClass && ` (${t(`size.${m.sizeClass}`)})`}
      </dd>
      {card.publishedAt && (
        <>
          <dt>{t('case.published')}</dt>
          <dd>{formatDate(card.publishedAt)}</dd>
        </>
      )}
      {card.outcome && (
        <>
          <dt>{t('case.outcome')}</dt>
          <dd>
            <span className={`case-outcome case-outcome--${card.outcome}`}>
              {t(`outcome.${card.outcome}`)}
            </span>
          </dd>
        </>
      )}
      {card.durationDays !== null && (
        <>
          <dt>{t('case.duration')}</dt>
          <dd>{t('case.days', { count: card.durationDays })}</dd>
        </>
      )}
      {card.costCents !== null && (
        <>
          <dt>{t('case.cost')}</dt>
          <dd>{formatEuros(card.costCents)}</dd>
        </>
      )}
      <dt>{t('case.supportsLabel')}</dt>
      <dd>{card.supports}</dd>
      <dt>{t('case.copiesLabel')}</dt>
      <dd>{card.copies}</dd>
    </dl>
  );
}

/** The card's text, metrics, contact and photos. */
export function CaseBody({ card, photoUrl }: { card: CaseCard; photoUrl: (id: string) => string }) {
  const { t } = useTranslation('cases');
  const section = (title: string, text: string) =>
    text ? (
      <section className="case-section">
        <Heading variant="h2" mb="xs">
          {title}
        </Heading>
        <Paragraph>{text}</Paragraph>
      </section>
    ) : null;
  return (
    <>
      {section(t('case.problem'), card.problem)}
      {section(t('case.tried'), card.tried)}
      {card.metrics.length > 0 && (
        <section className="case-section">
          <Heading variant="h2" mb="xs" id="case-metrics-heading">
            {t('case.metrics')}
          </Heading>
          {/* A wide table scrolls sideways on a phone; the region takes keyboard focus for it. */}
          <div
            className="case-metrics-wrap"
            role="region"
            aria-labelledby="case-metrics-heading"
            tabIndex={0}
          >
            <table className="case-metrics">
              <thead>
                <tr>
                  <th scope="col">{t('metric.name')}</th>
                  <th scope="col">{t('metric.unit')}</th>
                  <th scope="col">{t('metric.baseline')}</th>
                  <th scope="col">{t('metric.target')}</th>
                  <th scope="col">{t('metric.result')}</th>
                </tr>
              </thead>
              <tbody>
                {card.metrics.map((metric, i) => (
                  <tr key={i}>
                    <th scope="row">{metric.name}</th>
                    <td>{metric.unit}</td>
                    <td className="num">{formatNumber(metric.baseline)}</td>
                    <td className="num">{formatNumber(metric.target)}</td>
                    <td className="num">{formatNumber(metric.result)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {section(t('case.lessons'), card.lessons)}
      {card.themes.length > 0 && (
        <ul className="case-themes" aria-label={t('case.themes')}>
          {card.themes.map((theme) => (
            <li key={theme}>{theme}</li>
          ))}
        </ul>
      )}
      {(card.contactName || card.contactEmail) && (
        <section className="case-section">
          <Heading variant="h2" mb="xs">
            {t('case.contact')}
          </Heading>
          <Paragraph>
            {card.contactName}
            {card.contactEmail && (
              <>
                {card.contactName && ', '}
                <a href={`mailto:${card.contactEmail}`}>{card.contactEmail}</a>
              </>
            )}
          </Paragraph>
        </section>
      )}
      {card.photos.length > 0 && (
        <section className="case-section">
          <Heading variant="h2" mb="xs">
            {t('case.photos')}
          </Heading>
          <ul className="case-photos">
            {card.photos.map((photo) => (
              <li key={photo.id}>
                <figure className="case-photo">
                  <img
                    src={photoUrl(photo.id)}
                    alt={photo.altText}
                    width={photo.width}
                    height={photo.height}
                    loading="lazy"
                  />
                </figure>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
