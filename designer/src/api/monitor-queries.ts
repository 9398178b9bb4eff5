import { keepPreviousData, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import type { ForecastRequest, MonitorHeat } from './api.types.ts';
import { queryKeys } from './query-keys.ts';
import { tongbanApi, type MonitorListQuery, type PageQuery, type SeriesQuery } from './tongban-api.ts';

/** The monitor refreshes every 30 s. */
const monitorRefreshMs = 30_000;

/**
 * Open, at-risk, overdue, met and breached tasks and the median handling time per department in
 * the caller's scope, and the median per district (`GET /monitor/load`).
 */
export function useMonitorLoad() {
  return useQuery({ queryKey: queryKeys.load, queryFn: tongbanApi.monitorLoad, refetchInterval: monitorRefreshMs });
}

/** Open tasks past their statutory limit, longest overdue first (`GET /monitor/overdue`). */
export function useOverdue(query: MonitorListQuery) {
  return useQuery({
    queryKey: queryKeys.overdue(query),
    queryFn: () => tongbanApi.listOverdue(query),
    refetchInterval: monitorRefreshMs,
    placeholderData: keepPreviousData,
  });
}

/** Open tasks past their promised limit (`GET /monitor/at-risk`). */
export function useAtRisk(query: MonitorListQuery) {
  return useQuery({
    queryKey: queryKeys.atRisk(query),
    queryFn: () => tongbanApi.listAtRisk(query),
    refetchInterval: monitorRefreshMs,
    placeholderData: keepPreviousData,
  });
}

/** Escalated breaches the caller sees, newest first (`GET /monitor/escalations`). */
export function useEscalations(query: PageQuery) {
  return useQuery({
    queryKey: queryKeys.escalations(query),
    queryFn: () => tongbanApi.listEscalations(query),
    refetchInterval: monitorRefreshMs,
    placeholderData: keepPreviousData,
  });
}

/** Per-node figures of one workflow version over the caller's scope (`GET /monitor/heat`); idle without a version. */
export function useNodeHeat(ref: { key: string; version: number } | undefined) {
  return useQuery({
    queryKey: queryKeys.heat(ref?.key ?? '', ref?.version ?? 0),
    queryFn: () => tongbanApi.nodeHeat(ref?.key ?? '', ref?.version ?? 0),
    enabled: ref !== undefined,
    refetchInterval: monitorRefreshMs,
    placeholderData: keepPreviousData,
  });
}

/** The heat of several workflow versions at once, by `key@version`; missing while loading (shares {@link useNodeHeat}'s cache). */
export function useNodeHeats(refs: readonly { key: string; version: number }[]): Map<string, MonitorHeat> {
  const results = useQueries({
    queries: refs.map((ref) => ({
      queryKey: queryKeys.heat(ref.key, ref.version),
      queryFn: () => tongbanApi.nodeHeat(ref.key, ref.version),
      refetchInterval: monitorRefreshMs,
    })),
  });
  const map = new Map<string, MonitorHeat>();
  for (const [index, result] of results.entries()) {
    const ref = refs[index];
    if (ref !== undefined && result.data !== undefined) map.set(`${ref.key}@${ref.version}`, result.data);
  }
  return map;
}

/** Created, decided, open, met and breached tasks per day over the caller's scope (`GET /monitor/series`). */
export function useDailySeries(query: SeriesQuery = {}) {
  return useQuery({ queryKey: queryKeys.series(query), queryFn: () => tongbanApi.dailySeries(query), refetchInterval: monitorRefreshMs });
}

/** Runs a forecast (`POST /monitor/forecast`, managers): on demand, as it runs the open cases forward many times. */
export function useForecast() {
  return useMutation({ mutationFn: (request: ForecastRequest) => tongbanApi.forecast(request) });
}
