import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useOptionalMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation('platform');
  const municipality = useOptionalMunicipality();
  usePageTitle(t('notFound.title'));
  return (
    <div className="page">
      <Heading variant="h1" mb="m">
        {t('notFound.title')}
      </Heading>
      <Paragraph mb="m">{t('notFound.body')}</Paragraph>
      <RouterLink asComponent={RouterDomLink} to={municipality ? `/${municipality.slug}/` : '/'}>
        {municipality ? t('notFound.toFrontPage') : t('notFound.toChooser')}
      </RouterLink>
    </div>
  );
}
