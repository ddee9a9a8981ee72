import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type MessageTarget, type SendMessageBody } from '../../api/client';

export const messageKeys = {
  all: (slug: string) => ['messages', slug] as const,
  unread: (slug: string) => ['messages', slug, 'unread'] as const,
  list: (slug: string, archived: boolean, q: string) =>
    ['messages', slug, 'list', archived, q] as const,
  thread: (slug: string, threadId: string) => ['messages', slug, 'thread', threadId] as const,
};

/** The messages badge: one counter read; the live stream keeps it fresh. */
export const useUnreadMessages = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: messageKeys.unread(slug),
    queryFn: () => api.getUnreadCount(slug),
    enabled,
  });

export const useThreads = (slug: string, archived: boolean, q: string) =>
  useQuery({
    queryKey: messageKeys.list(slug, archived, q),
    queryFn: () => api.listMessageThreads(slug, { archived, q }),
  });

export const useThread = (slug: string, threadId: string) =>
  useQuery({
    queryKey: messageKeys.thread(slug, threadId),
    queryFn: () => api.getMessageThread(slug, threadId),
  });

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: messageKeys.all(slug) });
}

export function useSendMessage(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: SendMessageBody) => api.sendMessage(slug, body),
    onSuccess: refresh,
  });
}

export const usePreviewRecipients = (slug: string) =>
  useMutation({
    mutationFn: (target: MessageTarget) => api.previewMessageRecipients(slug, target),
  });

/** A thread action (reply, read, unread, archive, acknowledge, remind); refreshes the views. */
export function useThreadAction<T>(slug: string, action: () => Promise<T>) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: action, onSuccess: refresh });
}
