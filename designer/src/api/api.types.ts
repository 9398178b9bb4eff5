/**
 * Shapes of the Tongban HTTP API's answers (DESIGN.md §7), as the console reads them.
 * @module
 */
import type { FormField, Outcome, WorkflowDefinition } from '@tongban/engine';

/** Roles a user can hold. */
export type Role = 'clerk' | 'manager' | 'designer' | 'admin' | 'supervisor';

/** Levels of government. */
export type Level = 'city' | 'district' | 'subDistrict';

/** A level of government in the jurisdiction tree. */
export interface Jurisdiction {
  id: string;
  name: string;
  level: Level;
  parentId: string | null;
}

/** An office of one jurisdiction. */
export interface Department {
  id: string;
  name: string;
  kind: string;
  jurisdictionId: string;
}

/** The signed-in user, with their department and its jurisdiction (`GET /me`). */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  department: Department;
  jurisdiction: Jurisdiction;
}

/** `POST /auth/login`. */
export interface LoginResponse {
  token: string;
  user: CurrentUser;
}

/** SLA state of a task or a case; `met` and `breached` once closed. */
export type SlaState = 'onTrack' | 'atRisk' | 'overdue' | 'met' | 'breached';

/** Status of a task row. */
export type TaskStatus = 'open' | 'claimed' | 'completed' | 'closed';

/** Status of a case. */
export type CaseStatus = 'active' | 'suspended' | 'completed';

/** A task as the inbox and the monitor lists carry it. */
export interface TaskSummary {
  id: string;
  caseId: string;
  nodeId: string;
  name: string;
  status: TaskStatus;
  departmentId: string;
  departmentName?: string;
  jurisdictionId?: string;
  candidateRole: string;
  assigneeId: string | null;
  assigneeName?: string | null;
  definitionKey: string;
  definitionVersion: number;
  definitionName?: string;
  createdAt: string;
  claimedAt: string | null;
  completedAt: string | null;
  /** Instant the promised limit passes (the task turns `atRisk`). */
  atRiskAt: string | null;
  /** Instant the statutory limit passes (the task turns `overdue`). */
  dueAt: string | null;
  provisional: boolean;
  slaState: SlaState;
  /** Working days from now to `dueAt` on the case's calendar; negative once overdue. */
  workingDaysLeft?: number | null;
  escalatedAt?: string | null;
  outcome?: string | null;
}

/** A task inside a case detail: the summary plus the node's form and outcomes. */
export interface TaskDetail extends TaskSummary {
  form: FormField[];
  outcomes: Outcome[];
  /** Earlier tasks a `return` may go back to. */
  returnTargets?: { nodeId: string; name: string }[];
  data: Record<string, unknown> | null;
  comment: string | null;
}

/** One entry of a case's audit trail. */
export interface CaseEvent {
  id: number;
  type: string;
  actorId: string | null;
  actorName?: string | null;
  taskId: string | null;
  payload: Record<string, unknown>;
  at: string;
}

/** A case as `GET /cases` lists it. */
export interface CaseSummary {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  definitionName?: string;
  jurisdictionId: string;
  applicant: Record<string, unknown>;
  status: CaseStatus;
  result: string | null;
  createdAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  suspendedSince: string | null;
  promisedDueAt: string | null;
  slaState: SlaState;
}

/** `GET /cases/{id}`: the case with its tasks, timeline, active nodes and definition. */
export interface CaseDetail extends CaseSummary {
  data: Record<string, unknown>;
  tasks: TaskDetail[];
  timeline: CaseEvent[];
  activeNodeIds: string[];
  definition?: WorkflowDefinition;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total?: number;
  nextCursor?: string | null;
}

/** An escalated breach reported to supervisors. */
export interface Escalation {
  id: number | string;
  caseId: string | null;
  taskId: string | null;
  jurisdictionId: string | null;
  departmentId: string | null;
  message: string;
  createdAt: string;
  payload?: Record<string, unknown>;
}

/** A published definition in `GET /definitions`. */
export interface DefinitionSummary {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
}

/** `GET /definitions/{key}/versions/{version}`. */
export interface DefinitionVersion extends DefinitionSummary {
  definition: WorkflowDefinition;
}
