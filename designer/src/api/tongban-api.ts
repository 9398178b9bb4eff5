import { apiRequest } from './api-client.ts';
import type {
  SupplementItem,
  BusinessCalendarView,
  CalendarChanged,
  CaseDetail,
  CaseStatus,
  CaseView,
  CurrentUser,
  DefinitionSummary,
  DefinitionVersion,
  Department,
  Escalation,
  ForecastAnswer,
  ForecastRequest,
  InboxItem,
  ItemList,
  Jurisdiction,
  LoginResponse,
  MonitoredTask,
  MonitorHeat,
  MonitorLoad,
  MonitorSeries,
  Page,
  ServerClock,
  ReturnPreview,
  Task,
  TaskWithCaseNumber,
  UserNotificationPage,
} from './api.types.ts';

/** Paging of a list: `limit` rows from `offset`. */
export interface PageQuery {
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Filters of the inbox (`GET /tasks`); without `status`, open and claimed tasks. */
export interface InboxQuery extends PageQuery {
  status?: 'open' | 'claimed' | 'completed' | undefined;
  definitionKey?: string | undefined;
  /** Only tasks the caller claimed. */
  mine?: boolean | undefined;
  /** Only the case whose number starts with this text, ignoring case. */
  caseNumber?: string | undefined;
}

/** Filters of the monitor's overdue and at-risk lists. */
export interface MonitorListQuery extends PageQuery {
  departmentId?: string | undefined;
  definitionKey?: string | undefined;
  nodeId?: string | undefined;
}

/** Filters of the user's notifications (`GET /me/notifications`). */
export interface NotificationQuery extends PageQuery {
  /** Only those not yet read. */
  unread?: boolean | undefined;
}

/** Filters of the case list (`GET /cases`). */
export interface CaseQuery extends PageQuery {
  status?: CaseStatus | undefined;
  definitionKey?: string | undefined;
  /** A jurisdiction id: cases filed in it or below it. */
  jurisdiction?: string | undefined;
}

/** Days of the monitor's series (`GET /monitor/series`), `YYYY-MM-DD`, both included; default the last 30 days. */
export interface SeriesQuery {
  from?: string | undefined;
  to?: string | undefined;
}

/** An application a service-hall clerk files (`POST /cases`). */
export interface CreateCaseInput {
  definitionKey: string;
  /** The jurisdiction the case is filed in. */
  jurisdiction: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
}

/** What a clerk sends to decide a task (`POST /tasks/{id}/complete`). */
export interface CompleteTaskInput {
  outcome: string;
  /** Values of the task's form fields only. */
  data: Record<string, unknown>;
  comment?: string;
  /** For `return`: the node id of the earlier task to go back to. */
  returnTo?: string;
  /** For `requestSupplement` (补正): every item the applicant must supply, told at once. */
  supplementItems?: SupplementItem[];
}

/** What the applicant hands in for a 补正 (`POST /cases/{id}/supplement`), e.g. at the window. */
export interface SupplementInput {
  data: Record<string, unknown>;
  documents: string[];
}

/** What a clerk sends to ask for a longer statutory limit (`POST /tasks/{id}/extension`). */
export interface ExtensionRequestInput {
  /** How much longer, in the unit of the task's statutory limit; at most the definition's cap. */
  amount: number;
  /** Why; the applicant is told (行政许可法 art. 42). */
  reason: string;
}

/** `POST /tasks/{id}/complete`: the task as closed (or kept open by a 补正), its case, the tasks it created. */
export interface CompleteTaskResult {
  task: Task;
  case: CaseView;
  nextTasks: Task[];
}

const path = (...parts: (string | number)[]) => parts.map((part) => encodeURIComponent(String(part))).join('/');

/** Typed calls of the Tongban HTTP API (DESIGN.md §7), one per route the console uses. */
export const tongbanApi = {
  login: (username: string, password: string) =>
    apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } }),
  logout: () => apiRequest<null>('/auth/logout', { method: 'POST' }),
  me: () => apiRequest<CurrentUser>('/me'),
  listJurisdictions: () => apiRequest<ItemList<Jurisdiction>>('/jurisdictions'),
  listDepartments: () => apiRequest<ItemList<Department>>('/departments'),
  listDefinitions: () => apiRequest<ItemList<DefinitionSummary>>('/definitions'),
  getDefinitionVersion: (key: string, version: number) =>
    apiRequest<DefinitionVersion>(`/definitions/${path(key)}/versions/${path(version)}`),
  listInbox: (query: InboxQuery) => apiRequest<Page<InboxItem>>('/tasks', { query: { ...query } }),
  claimTask: (taskId: string) => apiRequest<Task>(`/tasks/${path(taskId)}/claim`, { method: 'POST' }),
  completeTask: (taskId: string, input: CompleteTaskInput) =>
    apiRequest<CompleteTaskResult>(`/tasks/${path(taskId)}/complete`, { method: 'POST', body: input }),
  listCases: (query: CaseQuery) => apiRequest<Page<CaseView>>('/cases', { query: { ...query } }),
  /** Files an application; the same `idempotencyKey` again answers with the case it first created. */
  createCase: (input: CreateCaseInput, idempotencyKey: string) =>
    apiRequest<CaseView>('/cases', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  getCase: (caseId: string) => apiRequest<CaseDetail>(`/cases/${path(caseId)}`),
  /** Records a supplement (补正) handed in; a service-hall clerk records one received at the window. */
  supplementCase: (caseId: string, input: SupplementInput) =>
    apiRequest<CaseView>(`/cases/${path(caseId)}/supplement`, { method: 'POST', body: input }),
  listOverdue: (query: MonitorListQuery = {}) => apiRequest<Page<MonitoredTask>>('/monitor/overdue', { query: { ...query } }),
  listAtRisk: (query: MonitorListQuery = {}) => apiRequest<Page<MonitoredTask>>('/monitor/at-risk', { query: { ...query } }),
  monitorLoad: () => apiRequest<MonitorLoad>('/monitor/load'),
  /** A manager's forecast of breaches, as things are and under a what-if; reads only. */
  forecast: (input: ForecastRequest) => apiRequest<ForecastAnswer>('/monitor/forecast', { method: 'POST', body: input }),
  nodeHeat: (definitionKey: string, version: number) => apiRequest<MonitorHeat>('/monitor/heat', { query: { definitionKey, version } }),
  dailySeries: (query: SeriesQuery = {}) => apiRequest<MonitorSeries>('/monitor/series', { query: { ...query } }),
  clock: () => apiRequest<ServerClock>('/clock'),
  requestExtension: (taskId: string, input: ExtensionRequestInput) =>
    apiRequest<Task>(`/tasks/${path(taskId)}/extension`, { method: 'POST', body: input }),
  approveExtension: (taskId: string) => apiRequest<Task>(`/tasks/${path(taskId)}/extension/approve`, { method: 'POST' }),
  refuseExtension: (taskId: string, reason: string) =>
    apiRequest<Task>(`/tasks/${path(taskId)}/extension/refuse`, { method: 'POST', body: { reason } }),
  /** Open tasks whose extension awaits the caller's approval, oldest request first. */
  listExtensionRequests: (query: PageQuery = {}) => apiRequest<Page<TaskWithCaseNumber>>('/tasks/extension-requests', { query: { ...query } }),
  listCalendars: () => apiRequest<ItemList<BusinessCalendarView>>('/calendars'),
  /**
   * Loads (or replaces) the holiday notice of `year` into calendar `key` (admins); open cases on it
   * are recounted. `notice` is sent as the admin gave it (a `CalendarNotice`): the API checks it.
   */
  putCalendarNotice: (key: string, year: number, notice: unknown) =>
    apiRequest<CalendarChanged>(`/calendars/${path(key)}/notices/${path(year)}`, { method: 'PUT', body: notice }),
  previewReturn: (taskId: string, returnTo: string) =>
    apiRequest<ReturnPreview>(`/tasks/${path(taskId)}/return-preview`, { query: { returnTo } }),
  listNotifications: (query: NotificationQuery = {}) => apiRequest<UserNotificationPage>('/me/notifications', { query: { ...query } }),
  markNotificationRead: (id: number) => apiRequest<{ id: number; readAt: string }>(`/me/notifications/${id}/read`, { method: 'POST' }),
  markAllNotificationsRead: () => apiRequest<{ marked: number }>('/me/notifications/read-all', { method: 'POST' }),
  listEscalations: (query: PageQuery = {}) => apiRequest<Page<Escalation>>('/monitor/escalations', { query: { ...query } }),
};
