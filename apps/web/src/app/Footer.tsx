import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import type { Municipality } from '../api/client';
import { currentLanguage } from '../i18n';

export function Footer({ municipality }: { municipality: Municipality | null }) {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <div className="app-footer__inner">
        {municipality && (
          <nav aria-label={t('footer.navLabel')}>
            <ul className="app-footer__links">
              <li>
                <RouterLink asComponent={RouterDomLink} to={`/${municipality.slug}/accessibility`}>
                  {t('nav.accessibility.title')}
                </RouterLink>
              </li>
              <li>
                <RouterLink asComponent={RouterDomLink} to="/cases">
                  {t('footer.caseBank')}
                </RouterLink>
              </li>
              <li>
                <RouterLink asComponent={RouterDomLink} to="/">
                  {t('footer.allMunicipalities')}
                </RouterLink>
              </li>
            </ul>
          </nav>
        )}
        <Paragraph>
          {municipality
            ? t('footer.serviceOf', { name: municipality.name[currentLanguage()] })
            : t('footer.platform')}
        </Paragraph>
      </div>
    </footer>
  );
}
