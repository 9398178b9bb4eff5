import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { CaseDetail } from './api.types.ts';
import { queryKeys } from './query-keys.ts';
import { tongbanApi, type PageQuery } from './tongban-api.ts';

/** The monitor refreshes every 30 s. */
const monitorRefreshMs = 30_000;

/** Open, at-risk, overdue, met and breached tasks per department in the caller's scope (`GET /monitor/load`). */
export function useDepartmentLoad() {
  return useQuery({ queryKey: queryKeys.load, queryFn: tongbanApi.departmentLoad, refetchInterval: monitorRefreshMs });
}

/** Open tasks past their statutory limit, longest overdue first (`GET /monitor/overdue`). */
export function useOverdue(query: PageQuery) {
  return useQuery({
    queryKey: queryKeys.overdue(query),
    queryFn: () => tongbanApi.listOverdue(query),
    refetchInterval: monitorRefreshMs,
    placeholderData: keepPreviousData,
  });
}

/** Open tasks past their promised limit (`GET /monitor/at-risk`). */
export function useAtRisk(query: PageQuery) {
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

/** The answered details, in list order; a module-level function, so TanStack Query keeps the array stable. */
function answered(results: { data?: CaseDetail | undefined }[]): CaseDetail[] {
  return results.flatMap((result) => (result.data === undefined ? [] : [result.data]));
}

/** What {@link useRecentCaseDetails} found. */
export interface RecentCaseDetails {
  details: CaseDetail[];
  /** Cases in the caller's scope in all. */
  total: number;
  /** True once the list and every detail have answered. */
  complete: boolean;
}

/**
 * The details (tasks with times and SLA states) of the newest `limit` cases in the caller's scope
 * (`GET /cases`, then `GET /cases/{id}` each), for figures the API has no aggregate for yet:
 * handling times, per-node heat, load and compliance over time.
 */
export function useRecentCaseDetails(limit: number): RecentCaseDetails {
  const list = useQuery({
    queryKey: queryKeys.cases({ limit }),
    queryFn: () => tongbanApi.listCases({ limit }),
    refetchInterval: 60_000,
  });
  const ids = (list.data?.items ?? []).map((item) => item.id);
  const loaded = useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.case(id),
      queryFn: () => tongbanApi.getCase(id),
      staleTime: 30_000,
    })),
    combine: answered,
  });
  return {
    details: loaded,
    total: list.data?.total ?? 0,
    complete: list.isSuccess && loaded.length === ids.length,
  };
}
