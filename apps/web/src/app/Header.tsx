import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { RouterLink } from 'suomifi-ui-components';
import type { Municipality } from '../api/client';
import { currentLanguage } from '../i18n';
import { useSession } from '../modules/platform/queries';
import { AppLanguageMenu } from './LanguageMenu';
import { MessagesBadge } from './MessagesBadge';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

export function Header({ municipality }: { municipality: Municipality | null }) {
  const { t } = useTranslation();
  const slug = municipality?.slug;
  const session = useSession(slug);

  return (
    <header className="app-header">
      {/* A decorative accent in the municipality's colour; no text is drawn on it. */}
      <div
        className="app-header__accent"
        style={{ backgroundColor: municipality?.themeColor ?? '#003479' }}
      />
      <div className="app-header__inner">
        <div className="app-header__brand">
          {municipality ? (
            <RouterLink asComponent={RouterDomLink} to={`/${municipality.slug}/`}>
              {municipality.name[currentLanguage()]}
            </RouterLink>
          ) : (
            <RouterLink asComponent={RouterDomLink} to="/">
              Helppo
            </RouterLink>
          )}
          <span className="app-header__tagline">{t('header.tagline')}</span>
        </div>
        <div className="app-header__tools">
          <AppLanguageMenu slug={slug} />
          {slug && session.data?.user && <MessagesBadge slug={slug} />}
          {slug && session.data?.user && <NotificationBell slug={slug} />}
          {slug && <UserMenu slug={slug} session={session.data} />}
        </div>
      </div>
    </header>
  );
}
