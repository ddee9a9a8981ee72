import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useMunicipalities } from './queries';

export function MunicipalityChooser() {
  const { t } = useTranslation('platform');
  const municipalities = useMunicipalities();
  const language = currentLanguage();
  usePageTitle(t('chooser.title'));

  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('chooser.title')}
      </Heading>
      <Paragraph mb="l">{t('chooser.intro')}</Paragraph>
      {municipalities.isPending && <Loading text={t('chooser.loading')} />}
      {municipalities.isError && <ErrorAlert error={municipalities.error} />}
      {municipalities.data && (
        <ul className="card-list" aria-label={t('chooser.listLabel')}>
          {[...municipalities.data.items]
            .sort((a, b) => a.name[language].localeCompare(b.name[language], language))
            .map((m) => (
              <li key={m.slug} className="card">
                <RouterLink asComponent={RouterDomLink} to={`/${m.slug}/`} className="card__link">
                  {m.name[language]}
                </RouterLink>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
