import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { SeriesResult as Result } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { formatSpan } from './time';

/**
 * What booking a season gave: how many weeks were booked or requested and their price, and the
 * weeks that could not be booked, each with its reason.
 */
export function SeriesResult({ result, slug }: { result: Result; slug: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const booked = result.booked;
  const requested = booked.some((b) => b.status === 'requested');
  const first = booked[0];
  return (
    <InlineAlert
      status={booked.length ? 'neutral' : 'warning'}
      role="status"
      labelText={
        booked.length === 0
          ? t('series.none')
          : t(requested ? 'series.requested' : 'series.confirmed', { count: booked.length })
      }
      mb="m"
    >
      {first && (
        <Paragraph mb="xs">
          {t('series.summary', {
            resource: first.resourceName[language],
            first: formatSpan(first.start, first.end, language),
            count: booked.length,
          })}
        </Paragraph>
      )}
      {result.totalCents > 0 && (
        <Paragraph mb="xs">
          {t(requested ? 'series.payAfterApproval' : 'series.total', {
            total: formatMoney(result.totalCents, language),
          })}
        </Paragraph>
      )}
      {result.conflicts.length > 0 && (
        <>
          <Paragraph mb="xs">{t('series.conflicts', { count: result.conflicts.length })}</Paragraph>
          <ul className="series-conflicts">
            {result.conflicts.map((c) => (
              <li key={c.start}>
                {formatSpan(c.start, c.end, language)}: {t(`series.codes.${c.code}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {booked.length > 0 && (
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/bookings/mine`}>
          {t('book.myBookings')}
        </RouterLink>
      )}
    </InlineAlert>
  );
}
