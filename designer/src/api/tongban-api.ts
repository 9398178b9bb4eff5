import { apiRequest } from './api-client.ts';
import type {
  CaseDetail,
  CaseSummary,
  CurrentUser,
  DefinitionSummary,
  DefinitionVersion,
  Escalation,
  LoginResponse,
  Page,
  TaskSummary,
} from './api.types.ts';

/** Filters of the inbox (`GET /tasks`). */
export interface InboxFilters {
  status?: 'open' | 'claimed' | 'completed' | undefined;
  definitionKey?: string | undefined;
}

/** Filters of the case list (`GET /cases`). */
export interface CaseFilters {
  status?: string | undefined;
  definitionKey?: string | undefined;
  jurisdiction?: string | undefined;
  limit?: number | undefined;
}

/** What a clerk sends to decide a task (`POST /tasks/{id}/complete`). */
export interface CompleteTaskInput {
  outcome: string;
  data: Record<string, unknown>;
  comment?: string;
  /** For `return`: the earlier task's node id. */
  returnTo?: string;
}

/** Typed calls of the Tongban HTTP API (DESIGN.md §7), one per route the console uses. */
export const tongbanApi = {
  login: (username: string, password: string) =>
    apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } }),
  me: () => apiRequest<CurrentUser>('/me'),
  listDefinitions: () => apiRequest<Page<DefinitionSummary>>('/definitions'),
  getDefinitionVersion: (key: string, version: number) =>
    apiRequest<DefinitionVersion>(`/definitions/${encodeURIComponent(key)}/versions/${version}`),
  listInbox: (filters: InboxFilters) => apiRequest<Page<TaskSummary>>('/tasks', { query: { ...filters } }),
  claimTask: (taskId: string) => apiRequest<TaskSummary>(`/tasks/${encodeURIComponent(taskId)}/claim`, { method: 'POST' }),
  completeTask: (taskId: string, input: CompleteTaskInput) =>
    apiRequest<unknown>(`/tasks/${encodeURIComponent(taskId)}/complete`, { method: 'POST', body: input }),
  listCases: (filters: CaseFilters) => apiRequest<Page<CaseSummary>>('/cases', { query: { ...filters } }),
  getCase: (caseId: string) => apiRequest<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`),
  listOverdue: () => apiRequest<Page<TaskSummary>>('/monitor/overdue'),
  listAtRisk: () => apiRequest<Page<TaskSummary>>('/monitor/at-risk'),
  listEscalations: () => apiRequest<Page<Escalation>>('/monitor/escalations'),
};
