import type { SuspensionReason } from '@tongban/engine';
import { apiRequest } from './api-client.ts';
import type { CaseView, DoneTask, InboxItem, ItemList, Page, Task } from './api.types.ts';
import type {
  CopyItem,
  HandOffTarget,
  Incident,
  IncidentKind,
  OrganisationUser,
  ReassignResult,
  SignersResult,
  TaskComment,
  TaskDetail,
  UrgeResult,
} from './task-operation.types.ts';
import type { InboxQuery, PageQuery } from './tongban-api.ts';

/** Filters of `GET /users`. */
export interface UserQuery {
  department?: string | undefined;
  role?: string | undefined;
  q?: string | undefined;
}

/** Filters of the inbox beyond {@link InboxQuery}: search and the manager's scope. */
export interface TaskSearchQuery extends InboxQuery {
  /** A case id or the start of it (8 characters or more). */
  caseId?: string | undefined;
  /** Text in the applicant's name. */
  applicant?: string | undefined;
  /** `managed`: every task of the departments a manager oversees. */
  scope?: 'inbox' | 'managed' | undefined;
}

/** Filters of `GET /incidents`. */
export interface IncidentQuery extends PageQuery {
  kind?: IncidentKind | undefined;
  status?: 'open' | 'resolved' | undefined;
}

const segment = (part: string | number) => encodeURIComponent(String(part));

/**
 * Typed calls of the task and case operations (runtime/README.md): the handlers' verbs (转办, 委派,
 * 加签, 减签, 抄送, 催办, comments), the lists (已办, 抄送我的, search), the manager's bulk
 * reassignment, incidents, and suspension of a case.
 */
export const taskOperationsApi = {
  listUsers: (query: UserQuery = {}) => apiRequest<ItemList<OrganisationUser>>('/users', { query: { ...query } }),
  searchTasks: (query: TaskSearchQuery) => apiRequest<Page<InboxItem>>('/tasks', { query: { ...query } }),
  getTask: (taskId: string) => apiRequest<TaskDetail>(`/tasks/${segment(taskId)}`),
  listDone: (query: PageQuery) => apiRequest<Page<DoneTask>>('/tasks/done', { query: { ...query } }),
  withdraw: (taskId: string, reason?: string) =>
    apiRequest<{ task: Task; closedTasks: Task[] }>(`/tasks/${segment(taskId)}/withdraw`, { method: 'POST', body: reason === undefined ? {} : { reason } }),
  unclaim: (taskId: string, reason?: string) =>
    apiRequest<Task>(`/tasks/${segment(taskId)}/unclaim`, { method: 'POST', body: reason === undefined ? {} : { reason } }),
  transfer: (taskId: string, target: HandOffTarget) => apiRequest<Task>(`/tasks/${segment(taskId)}/transfer`, { method: 'POST', body: target }),
  delegate: (taskId: string, input: { assigneeId: string; reason: string }) =>
    apiRequest<Task>(`/tasks/${segment(taskId)}/delegate`, { method: 'POST', body: input }),
  resolve: (taskId: string, comment: string) => apiRequest<Task>(`/tasks/${segment(taskId)}/resolve`, { method: 'POST', body: { comment } }),
  comment: (taskId: string, text: string) => apiRequest<TaskComment>(`/tasks/${segment(taskId)}/comments`, { method: 'POST', body: { text } }),
  copy: (taskId: string, input: { userIds: string[]; reason?: string }) =>
    apiRequest<{ items: unknown[] }>(`/tasks/${segment(taskId)}/copies`, { method: 'POST', body: input }),
  listCopies: (query: PageQuery & { unread?: boolean }) =>
    apiRequest<Page<CopyItem>>('/copies', { query: { limit: query.limit, offset: query.offset, unread: query.unread === true ? 'true' : undefined } }),
  markCopyRead: (copyId: number) => apiRequest<unknown>(`/copies/${segment(copyId)}/read`, { method: 'POST' }),
  urge: (caseId: string, message?: string) =>
    apiRequest<UrgeResult>(`/cases/${segment(caseId)}/urge`, { method: 'POST', body: message === undefined ? {} : { message } }),
  addSigners: (taskId: string, input: { signers: string[]; reason: string; position?: 'before' | 'after' }) =>
    apiRequest<SignersResult>(`/tasks/${segment(taskId)}/signers`, { method: 'POST', body: input }),
  removeSigner: (taskId: string, reason: string) =>
    apiRequest<SignersResult>(`/tasks/${segment(taskId)}/remove-signer`, { method: 'POST', body: { reason } }),
  reassign: (input: HandOffTarget & { taskIds: string[] }) =>
    apiRequest<{ results: ReassignResult[] }>('/tasks/reassign', { method: 'POST', body: input }),
  listIncidents: (query: IncidentQuery) => apiRequest<Page<Incident>>('/incidents', { query: { ...query } }),
  retryIncident: (incidentId: string) => apiRequest<Incident>(`/incidents/${segment(incidentId)}/retry`, { method: 'POST' }),
  suspendCase: (caseId: string, input: { reason: SuspensionReason; comment?: string }) =>
    apiRequest<CaseView>(`/cases/${segment(caseId)}/suspend`, { method: 'POST', body: input }),
  resumeCase: (caseId: string, comment?: string) =>
    apiRequest<CaseView>(`/cases/${segment(caseId)}/resume`, { method: 'POST', body: comment === undefined ? {} : { comment } }),
};
