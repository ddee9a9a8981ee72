import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { IconAlert, RouterLink, VisuallyHidden } from 'suomifi-ui-components';
import { useNotifications } from '../modules/platform/queries';
import { useNotificationStream } from '../modules/platform/useNotificationStream';

export function NotificationBell({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const notifications = useNotifications(slug, true);
  const latest = useNotificationStream(slug, true);
  const count = notifications.data?.unreadCount ?? 0;

  return (
    <>
      <RouterLink
        asComponent={RouterDomLink}
        to={`/${slug}/notifications`}
        className="notification-bell"
        aria-label={t('notifications.bellLabel', { count })}
      >
        <IconAlert aria-hidden="true" className="notification-bell__icon" />
        {count > 0 && (
          <span className="notification-bell__badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </RouterLink>
      <VisuallyHidden aria-live="polite">
        {latest ? t('notifications.arrived', { title: latest.title }) : ''}
      </VisuallyHidden>
    </>
  );
}
