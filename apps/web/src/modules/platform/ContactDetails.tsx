import { useTranslation } from 'react-i18next';
import { Link } from 'suomifi-ui-components';
import type { Municipality } from '../../api/client';

export function ContactDetails({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation('platform');
  const phoneHref = `tel:${municipality.contactPhone.replace(/[^+\d]/g, '')}`;
  return (
    <dl className="contact-list">
      {municipality.address && (
        <>
          <dt>{t('contact.address')}</dt>
          <dd>{municipality.address}</dd>
        </>
      )}
      {municipality.contactEmail && (
        <>
          <dt>{t('contact.email')}</dt>
          <dd>
            <Link href={`mailto:${municipality.contactEmail}`}>{municipality.contactEmail}</Link>
          </dd>
        </>
      )}
      {municipality.contactPhone && (
        <>
          <dt>{t('contact.phone')}</dt>
          <dd>
            <Link href={phoneHref}>{municipality.contactPhone}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}
