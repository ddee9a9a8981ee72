import { useTranslation } from 'react-i18next';
import { StaticChip } from 'suomifi-ui-components';
import type { Resource } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';

/** The asker's hourly price: free, a price, or not bookable by their customer group. */
export function HourlyPrice({ resource }: { resource: Resource }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const cents = resource.pricePerHourCents;
  if (cents === null) return <>{t('facility.notForYou')}</>;
  if (cents === 0) return <>{t('facility.free')}</>;
  return <>{t('facility.hourly', { price: formatMoney(cents, language) })}</>;
}

/**
 * Kind, place, size, price and the badges of a facility: for result cards and the facility
 * page. The price is the asker's own (a visitor sees the non-resident price): `signedIn` says
 * which label fits.
 */
export function FacilityFacts({
  resource,
  signedIn = false,
}: {
  resource: Resource;
  signedIn?: boolean;
}) {
  const { t } = useTranslation('bookings');
  return (
    <>
      <dl className="facts">
        <dt>{t('facility.kind')}</dt>
        <dd>{t(`kinds.${resource.kind}`)}</dd>
        <dt>{t('facility.location')}</dt>
        <dd>{resource.location}</dd>
        <dt>{t('facility.capacity')}</dt>
        <dd>{t('facility.capacityValue', { count: resource.capacity })}</dd>
        <dt>{t('facility.accessibility')}</dt>
        <dd>{resource.accessible ? t('facility.accessible') : t('facility.notAccessible')}</dd>
        <dt>{signedIn ? t('facility.yourPrice') : t('facility.price')}</dt>
        <dd>
          <HourlyPrice resource={resource} />
        </dd>
      </dl>
      {(resource.selfService || resource.bookingMode === 'approval' || resource.accessible) && (
        <ul className="badge-list" aria-label={t('facility.badges')}>
          {resource.accessible && (
            <li>
              <StaticChip>{t('facility.accessible')}</StaticChip>
            </li>
          )}
          {resource.selfService && (
            <li>
              <StaticChip>{t('facility.selfService')}</StaticChip>
            </li>
          )}
          {resource.bookingMode === 'approval' && (
            <li>
              <StaticChip>{t('facility.approval')}</StaticChip>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
