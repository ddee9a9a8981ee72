import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useLocation, useNavigate } from 'react-router-dom';
import { ActionMenu, ActionMenuItem, IconLogin, RouterLink } from 'suomifi-ui-components';
import type { Session } from '../api/client';
import { useLogout } from '../modules/platform/queries';
import { forgetThisDevice } from '../modules/push/device';

export function UserMenu({ slug, session }: { slug: string; session: Session | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout(slug);
  const logoutEverywhere = useLogout(slug, true);

  if (!session?.user) {
    const here = location.pathname + location.search;
    const onLoginPage = location.pathname.startsWith(`/${slug}/login`);
    const to = onLoginPage ? location : `/${slug}/login?returnTo=${encodeURIComponent(here)}`;
    return (
      <RouterLink asComponent={RouterDomLink} to={to} className="header-login">
        <IconLogin aria-hidden="true" /> {t('header.login')}
      </RouterLink>
    );
  }

  const roles = session.roles.map((role) => t(`roles.${role}`)).join(', ');
  const afterLogout = () => void navigate(`/${slug}/`);

  return (
    <div className="user-menu">
      <div className="user-menu__who">
        <span className="user-menu__name">{session.user.name}</span>
        {roles && <span className="user-menu__roles">{roles}</span>}
      </div>
      <ActionMenu
        buttonText={t('header.userMenu')}
        buttonVariant="secondary"
        aria-label={t('header.userMenuLabel', { name: session.user.name })}
      >
        <ActionMenuItem onClick={() => void navigate(`/${slug}/notifications/settings`)}>
          {t('menuItem', { ns: 'push' })}
        </ActionMenuItem>
        <ActionMenuItem
          onClick={() =>
            void forgetThisDevice(slug).finally(() =>
              logout.mutate(undefined, { onSuccess: afterLogout }),
            )
          }
        >
          {t('header.logout')}
        </ActionMenuItem>
        <ActionMenuItem
          onClick={() =>
            void forgetThisDevice(slug).finally(() =>
              logoutEverywhere.mutate(undefined, { onSuccess: afterLogout }),
            )
          }
        >
          {t('header.logoutEverywhere')}
        </ActionMenuItem>
      </ActionMenu>
    </div>
  );
}
