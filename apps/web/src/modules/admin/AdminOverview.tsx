import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { AnnouncementForm } from './AnnouncementForm';

export function AdminOverview() {
  const { t } = useTranslation('admin');
  const municipality = useMunicipality();
  usePageTitle(t('overview.title'));
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('overview.title')}
      </Heading>
      <Paragraph mb="l">{t('overview.intro')}</Paragraph>
      <AnnouncementForm slug={municipality.slug} />
    </>
  );
}
