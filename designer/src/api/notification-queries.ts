import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { tongbanApi, type NotificationQuery } from './tongban-api.ts';

/** How often the bell and the 消息 page look for new notifications, ms. */
const REFRESH_MS = 15_000;

/** A page of the signed-in user's notifications with their unread count, refreshed every 15 s. */
export function useNotifications(query: NotificationQuery) {
  return useQuery({
    queryKey: queryKeys.notifications(query),
    queryFn: () => tongbanApi.listNotifications(query),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

/** The unread count the header's bell shows (one notification read: only the count is needed). */
export function useUnreadNotificationCount(): number {
  return useNotifications({ limit: 1, unread: true }).data?.unread ?? 0;
}

/** Marks one notification read (`id`), or all of them (`'all'`); the bell and the list refresh. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (target: number | 'all'): Promise<void> => {
      if (target === 'all') await tongbanApi.markAllNotificationsRead();
      else await tongbanApi.markNotificationRead(target);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }),
  });
}
