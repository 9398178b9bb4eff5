import type { IncidentQuery } from './task-operations-api.ts';
import type { CaseQuery, InboxQuery, MonitorListQuery, NotificationQuery, PageQuery, SeriesQuery } from './tongban-api.ts';

/** TanStack Query keys of the console's reads; invalidating a prefix refreshes every page of it. */
export const queryKeys = {
  definitions: ['definitions'] as const,
  definitionVersion: (key: string, version: number) => ['definitions', key, version] as const,
  departments: ['departments'] as const,
  jurisdictions: ['jurisdictions'] as const,
  inbox: (query?: InboxQuery) => (query === undefined ? (['inbox'] as const) : (['inbox', query] as const)),
  cases: (query?: CaseQuery) => (query === undefined ? (['cases'] as const) : (['cases', query] as const)),
  case: (caseId: string) => ['case', caseId] as const,
  clock: ['clock'] as const,
  monitor: ['monitor'] as const,
  load: ['monitor', 'load'] as const,
  overdue: (query: MonitorListQuery) => ['monitor', 'overdue', query] as const,
  atRisk: (query: MonitorListQuery) => ['monitor', 'at-risk', query] as const,
  escalations: (query: PageQuery) => ['monitor', 'escalations', query] as const,
  heat: (definitionKey: string, version: number) => ['monitor', 'heat', definitionKey, version] as const,
  series: (query: SeriesQuery) => ['monitor', 'series', query] as const,
  extensionRequests: (query?: PageQuery) =>
    query === undefined ? (['monitor', 'extension-requests'] as const) : (['monitor', 'extension-requests', query] as const),
  calendars: ['calendars'] as const,
  users: ['users'] as const,
  task: (taskId: string) => ['task', taskId] as const,
  done: (query?: PageQuery) => (query === undefined ? (['done'] as const) : (['done', query] as const)),
  copies: (query?: PageQuery) => (query === undefined ? (['copies'] as const) : (['copies', query] as const)),
  incidents: (query?: IncidentQuery) => (query === undefined ? (['incidents'] as const) : (['incidents', query] as const)),
  returnPreview: (taskId: string, returnTo: string) => ['return-preview', taskId, returnTo] as const,
  notifications: (query?: NotificationQuery) => (query === undefined ? (['notifications'] as const) : (['notifications', query] as const)),
};
