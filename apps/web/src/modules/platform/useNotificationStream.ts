import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  notificationStreamUrl,
  type AppNotification,
  type NotificationList,
} from '../../api/client';
import { platformKeys } from './queries';

/**
 * Keeps the notification queries fresh from the server's Server-Sent Events stream.
 * Returns the latest notification that arrived, for a polite screen reader announcement.
 */
export function useNotificationStream(slug: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<AppNotification | null>(null);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const key = platformKeys.notifications(slug);
    const source = new EventSource(notificationStreamUrl(slug), { withCredentials: true });

    source.addEventListener('unread', (event: MessageEvent<string>) => {
      const { unreadCount } = JSON.parse(event.data) as { unreadCount: number };
      queryClient.setQueryData<NotificationList>(key, (old) => old && { ...old, unreadCount });
      void queryClient.invalidateQueries({ queryKey: key });
    });
    // The daycare messages badge rides the same stream: its counter, and the lists refresh.
    source.addEventListener('messages', (event: MessageEvent<string>) => {
      const { unreadCount } = JSON.parse(event.data) as { unreadCount: number };
      queryClient.setQueryData(['messages', slug, 'unread'], { unreadCount });
      void queryClient.invalidateQueries({
        queryKey: ['messages', slug],
        predicate: (q) => q.queryKey[2] !== 'unread',
      });
    });
    source.addEventListener('notification', (event: MessageEvent<string>) => {
      setLatest(JSON.parse(event.data) as AppNotification);
      void queryClient.invalidateQueries({ queryKey: key });
    });
    return () => source.close();
  }, [slug, enabled, queryClient]);

  return latest;
}
