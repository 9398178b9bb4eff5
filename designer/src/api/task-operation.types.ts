import type { CaseView, InboxItem, Task, TaskView } from './api.types.ts';

/** A person of the organisation (`GET /users`), as pickers offer them and lists name them. */
export interface OrganisationUser {
  id: string;
  username: string;
  displayName: string;
  departmentId: string;
  roles: string[];
}

/** An opinion (审批意见) on a task. */
export interface TaskComment {
  authorId: string | null;
  authorName: string | null;
  text: string;
  at: string;
}

/** `GET /tasks/{id}`: the task, what the clerk needs of its case, its comments. */
export interface TaskDetail {
  task: TaskView;
  case: InboxItem['case'] & { data: Record<string, unknown> };
  comments: TaskComment[];
}

/** One item of the "copied to me" list (抄送我的). */
export interface CopyItem {
  id: number;
  caseId: string;
  taskId: string;
  userId: string;
  copiedBy: string | null;
  copiedByName: string | null;
  reason: string | null;
  createdAt: string;
  readAt: string | null;
  read: boolean;
  case: { id: string; caseNumber: string; definitionKey: string; status: string; applicant: Record<string, unknown> };
  task: { id: string; nodeId: string; name: string };
}

/** What a transfer or a bulk reassignment moves a task to: a user, a department, or a user there. */
export interface HandOffTarget {
  assigneeId?: string;
  departmentId?: string;
  reason: string;
}

/** The result of one task of a bulk reassignment. */
export type ReassignResult =
  | { taskId: string; ok: true; task: Task }
  | { taskId: string; ok: false; error: { code: string; message: string; status: number } };

/** What adding or removing a signer answers. */
export interface SignersResult {
  task: Task;
  case: CaseView;
  createdTasks: Task[];
  closedTasks: Task[];
}

/** What an urge (催办) reached. */
export interface UrgeResult {
  caseId: string;
  at: string;
  recipients: { taskId: string; userId: string | null; departmentId: string }[];
}

/** Kinds of incident: a service task failed after its retries, or a FEEL expression exceeded its budget. */
export type IncidentKind = 'service' | 'feel';

/** An incident (`GET /incidents`). */
export interface Incident {
  id: string;
  caseId: string;
  kind: IncidentKind;
  nodeId: string;
  service: string | null;
  expression: string | null;
  error: string;
  attempts: number;
  status: 'open' | 'resolved';
  retries: number;
  createdAt: string;
  updatedAt: string;
  retriedAt: string | null;
  retriedBy: string | null;
  resolvedAt: string | null;
  /** The number a person reads of its case. */
  caseNumber: string;
  definitionKey: string;
  caseJurisdictionId: string;
  caseStatus: string;
}
