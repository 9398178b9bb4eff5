import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { tongbanApi } from './tongban-api.ts';

/** Every business calendar (`GET /calendars`). */
export function useCalendars() {
  return useQuery({ queryKey: queryKeys.calendars, queryFn: tongbanApi.listCalendars });
}

/**
 * Loads a year's holiday notice into a calendar (`PUT /calendars/{key}/notices/{year}`, admins);
 * refreshes the calendars and everything whose deadlines the recount may have moved.
 */
export function useLoadCalendarNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, year, notice }: { key: string; year: number; notice: unknown }) => tongbanApi.putCalendarNotice(key, year, notice),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.calendars });
      void queryClient.invalidateQueries({ queryKey: ['case'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.monitor });
    },
  });
}
