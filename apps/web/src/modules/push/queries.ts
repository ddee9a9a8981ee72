import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pushApi, type PreferenceChange } from './api';
import { currentSubscription, subscribeDevice, subscriptionJson } from './device';

export const pushKeys = {
  preferences: (slug: string) => ['notification-preferences', slug] as const,
  device: (slug: string) => ['push-device', slug] as const,
};

export const usePreferences = (slug: string) =>
  useQuery({
    queryKey: pushKeys.preferences(slug),
    queryFn: () => pushApi.getNotificationPreferences(slug),
  });

export function useUpdatePreference(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PreferenceChange) => pushApi.updateNotificationPreferences(slug, [change]),
    onSuccess: (data) => queryClient.setQueryData(pushKeys.preferences(slug), data),
  });
}

/**
 * Whether this device receives pushes. A subscription the browser still has is sent to the
 * server again, so a device the server had dropped (or another person used) is this
 * person's again.
 */
export const useDeviceSubscription = (slug: string) =>
  useQuery({
    queryKey: pushKeys.device(slug),
    queryFn: async () => {
      const subscription = await currentSubscription();
      if (subscription) await pushApi.subscribePush(slug, subscriptionJson(subscription));
      return { subscribed: Boolean(subscription) };
    },
  });

export function useEnableDevice(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { publicKey } = await pushApi.getPushConfig(slug);
      const { result, subscription } = await subscribeDevice(publicKey);
      if (subscription) await pushApi.subscribePush(slug, subscriptionJson(subscription));
      return result;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['push-device', slug] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pushKeys.preferences(slug) }),
  });
}

export function useDisableDevice(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const subscription = await currentSubscription();
      if (!subscription) return;
      await pushApi.unsubscribePush(slug, subscription.endpoint);
      await subscription.unsubscribe();
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: pushKeys.device(slug) });
      void queryClient.invalidateQueries({ queryKey: pushKeys.preferences(slug) });
    },
  });
}
