import { useTranslation } from 'react-i18next';
import { StaticChip } from 'suomifi-ui-components';
import type { Resource } from '../../api/client';

/** Kind, place, size and the badges of a facility: for result cards and the facility page. */
export function FacilityFacts({ resource }: { resource: Resource }) {
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
