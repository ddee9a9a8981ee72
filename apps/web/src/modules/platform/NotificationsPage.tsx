import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, Navigate, useLocation } from 'react-router-dom';
import { Button, Heading, Link, Paragraph, RouterLink, StaticChip } from 'suomifi-ui-components';
import type { AppNotification } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useMarkRead, useNotifications, useSession } from './queries';

function NotificationLink({ link, children }: { link: string; children: string }) {
  return link.startsWith('/') ? (
    <RouterLink asComponent={RouterDomLink} to={link}>
      {children}
    </RouterLink>
  ) : (
    <Link href={link}>{children}</Link>
  );
}

function NotificationItem({ item, slug }: { item: AppNotification; slug: string }) {
  const { t } = useTranslation('platform');
  const markRead = useMarkRead(slug);
  const unread = !item.readAt;
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <div className="notification__head">
        <Heading variant="h3" as="h2">
          {item.title}
        </Heading>
        {unread && <StaticChip>{t('notifications.unread')}</StaticChip>}
      </div>
      <Paragraph className="notification__time">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, currentLanguage())}</time>
      </Paragraph>
      <Paragraph mb="s">{item.body}</Paragraph>
      <div className="notification__actions">
        {item.link && (
          <NotificationLink link={item.link}>{t('notifications.open')}</NotificationLink>
        )}
        {unread && (
          <Button
            variant="secondary"
            onClick={() => markRead.mutate(item.id)}
            disabled={markRead.isPending}
            aria-label={t('notifications.markReadLabel', { title: item.title })}
          >
            {t('notifications.markRead')}
          </Button>
        )}
      </div>
      {markRead.isError && <ErrorAlert error={markRead.error} />}
    </li>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation('platform');
  const municipality = useMunicipality();
  const slug = municipality.slug;
  const location = useLocation();
  const session = useSession(slug);
  const signedIn = Boolean(session.data?.user);
  const notifications = useNotifications(slug, signedIn);
  const markAll = useMarkRead(slug);
  usePageTitle(t('notifications.title'));

  if (session.isSuccess && !signedIn) {
    const returnTo = encodeURIComponent(location.pathname);
    return <Navigate to={`/${slug}/login?returnTo=${returnTo}`} replace />;
  }

  const data = notifications.data;
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('notifications.title')}
      </Heading>
      <Paragraph mb="m">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/notifications/settings`}>
          {t('menuItem', { ns: 'push' })}
        </RouterLink>
      </Paragraph>
      {notifications.isPending && <Loading text={t('notifications.loading')} />}
      {notifications.isError && <ErrorAlert error={notifications.error} />}
      {data && (
        <>
          <Paragraph mb="m" role="status">
            {t('notifications.summary', { count: data.unreadCount })}
          </Paragraph>
          {data.unreadCount > 0 && (
            <Button variant="secondary" mb="m" onClick={() => markAll.mutate('all')}>
              {t('notifications.markAllRead')}
            </Button>
          )}
          {markAll.isError && <ErrorAlert error={markAll.error} />}
          {data.items.length === 0 ? (
            <Paragraph>{t('notifications.empty')}</Paragraph>
          ) : (
            <ul className="notification-list">
              {data.items.map((item) => (
                <NotificationItem key={item.id} item={item} slug={slug} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
