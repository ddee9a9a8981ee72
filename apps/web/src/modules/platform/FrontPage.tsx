import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Block, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useMunicipality } from '../../app/MunicipalityContext';
import { canSee, navEntries } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { ContactDetails } from './ContactDetails';
import { useSession } from './queries';

export function FrontPage() {
  const { t } = useTranslation('platform');
  const { t: tc } = useTranslation();
  const municipality = useMunicipality();
  const session = useSession(municipality.slug);
  const name = municipality.name[currentLanguage()];
  usePageTitle(t('front.title'));

  const entries = navEntries.filter((entry) => canSee(entry.audience, session.data));

  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {name}
      </Heading>
      <Paragraph mb="l" className="lead">
        {t('front.intro')}
      </Paragraph>

      <nav aria-labelledby="services-heading">
        <Heading variant="h2" id="services-heading" mb="s">
          {t('front.services')}
        </Heading>
        <ul className="card-list">
          {entries.map((entry) => (
            <li key={entry.id} className="card">
              <RouterLink
                asComponent={RouterDomLink}
                to={`/${municipality.slug}/${entry.path}`}
                className="card__link"
              >
                {tc(`nav.${entry.id}.title`)}
              </RouterLink>
              <Paragraph>{tc(`nav.${entry.id}.description`)}</Paragraph>
            </li>
          ))}
        </ul>
        {!session.data?.user && (
          <Paragraph mt="s">
            <RouterLink asComponent={RouterDomLink} to={`/${municipality.slug}/login`}>
              {t('front.loginForMore')}
            </RouterLink>
          </Paragraph>
        )}
      </nav>

      <Block variant="section" mt="xl" aria-labelledby="contact-heading">
        <Heading variant="h2" id="contact-heading" mb="s">
          {t('front.contact')}
        </Heading>
        <ContactDetails municipality={municipality} />
      </Block>
    </div>
  );
}
