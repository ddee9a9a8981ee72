import { useTranslation } from 'react-i18next';
import { ExternalLink, Heading, Link, Paragraph } from 'suomifi-ui-components';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage, type Language } from '../../i18n';
import { localeOf } from '../../app/format';

/** The date this statement was last reviewed; update it with every review. */
const reviewedOn = '2026-11-23';

const formatDay = (isoDay: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(`${isoDay}T12:00:00Z`));

export function AccessibilityPage() {
  const { t } = useTranslation('platform');
  const municipality = useMunicipality();
  const language = currentLanguage();
  const name = municipality.name[language];
  usePageTitle(t('accessibility.title'));

  return (
    <div className="page page--text">
      <Heading variant="h1" mb="m">
        {t('accessibility.title')}
      </Heading>
      <Paragraph mb="m">
        {t('accessibility.intro', { name, url: window.location.origin })}
      </Paragraph>

      <Heading variant="h2" mb="s">
        {t('accessibility.statusHeading')}
      </Heading>
      <Paragraph mb="m">{t('accessibility.status')}</Paragraph>
      <Paragraph mb="m">{t('accessibility.testing')}</Paragraph>

      <Heading variant="h2" mb="s">
        {t('accessibility.knownHeading')}
      </Heading>
      <Paragraph mb="m">{t('accessibility.known')}</Paragraph>

      <Heading variant="h2" mb="s">
        {t('accessibility.preparedHeading')}
      </Heading>
      <Paragraph mb="m">
        {t('accessibility.prepared', { date: formatDay(reviewedOn, language) })}
      </Paragraph>

      <Heading variant="h2" mb="s">
        {t('accessibility.feedbackHeading')}
      </Heading>
      <Paragraph mb="s">{t('accessibility.feedback', { name })}</Paragraph>
      <Paragraph mb="m">
        {t('accessibility.feedbackEmail')}{' '}
        <Link href={`mailto:${municipality.contactEmail}`}>{municipality.contactEmail}</Link>
      </Paragraph>

      <Heading variant="h2" mb="s">
        {t('accessibility.authorityHeading')}
      </Heading>
      <Paragraph mb="s">{t('accessibility.authority')}</Paragraph>
      <address className="authority">
        {t('accessibility.authorityName')}
        <br />
        {t('accessibility.authorityUnit')}
        <br />
        <ExternalLink href={t('accessibility.authorityUrl')} toNewWindow={false}>
          {t('accessibility.authoritySite')}
        </ExternalLink>
        <br />
        <Link href="mailto:saavutettavuus@avi.fi">saavutettavuus@avi.fi</Link>
        <br />
        {t('accessibility.authorityPhone')}
      </address>
    </div>
  );
}
