import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { tongbanApi } from './tongban-api.ts';

/**
 * The runtime's clock (`GET /clock`), refreshed every 30 s: SLA figures are counted from the
 * server's instant, never the browser's, since a virtual clock can be weeks ahead.
 */
export function useServerClock(): { now: Date | undefined; virtual: boolean } {
  const { data } = useQuery({ queryKey: queryKeys.clock, queryFn: tongbanApi.clock, refetchInterval: 30_000, staleTime: 10_000 });
  return { now: data === undefined ? undefined : new Date(data.now), virtual: data?.virtual ?? false };
}
