import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { IconMessage, RouterLink } from 'suomifi-ui-components';
import { useUnreadMessages } from '../modules/messages/queries';

/**
 * The messages badge next to the bell: an envelope with a red dot and the unread count, kept
 * live by the notification stream (its `messages` event), visible at phone width too.
 */
export function MessagesBadge({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const unread = useUnreadMessages(slug, true);
  const count = unread.data?.unreadCount ?? 0;
  return (
    <RouterLink
      asComponent={RouterDomLink}
      to={`/${slug}/messages`}
      className="messages-badge"
      aria-label={t('messages.badgeLabel', { count })}
    >
      <IconMessage aria-hidden="true" className="messages-badge__icon" />
      {count > 0 && (
        <span className="messages-badge__dot" aria-hidden="true" data-testid="messages-dot">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </RouterLink>
  );
}
