/**
 * Shapes of the Tongban HTTP API's answers (DESIGN.md §7), as the console reads them. Instants
 * are ISO 8601 strings.
 * @module
 */
import type { WorkflowDefinition } from '@tongban/engine';

/** Roles a user can hold. */
export type Role = 'clerk' | 'manager' | 'designer' | 'admin' | 'supervisor';

/** Levels of government. */
export type Level = 'city' | 'district' | 'subDistrict';

/** A level of government in the jurisdiction tree (`GET /jurisdictions`). */
export interface Jurisdiction {
  id: string;
  name: string;
  level: Level;
  parentId: string | null;
}

/** An office of one jurisdiction (`GET /departments`). */
export interface Department {
  id: string;
  jurisdictionId: string;
  kind: string;
  name: string;
}

/** The signed-in user, with their department and its jurisdiction (`GET /me`). */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department: { id: string; kind: string; name: string };
  jurisdiction: { id: string; name: string; level: string; parentId: string | null };
}

/** `POST /auth/login`. */
export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: CurrentUser;
}

/** SLA state of a task or a case; `met` and `breached` once closed. */
export type SlaState = 'onTrack' | 'atRisk' | 'overdue' | 'met' | 'breached';

/** Status of a task. */
export type TaskStatus = 'open' | 'claimed' | 'completed' | 'closed';

/** Status of a case. */
export type CaseStatus = 'active' | 'suspended' | 'completed';

/** A task row: one userTask activation of a case. */
export interface Task {
  id: string;
  caseId: string;
  activationId: string;
  nodeId: string;
  name: string;
  departmentId: string;
  candidateRole: string;
  status: TaskStatus;
  assigneeId: string | null;
  outcome: string | null;
  data: Record<string, unknown> | null;
  comment: string | null;
  closeReason: string | null;
  createdAt: string;
  claimedAt: string | null;
  completedAt: string | null;
  /** Instant the promised limit passes (the task turns `atRisk`). */
  atRiskAt: string | null;
  /** Instant the statutory limit passes (the task turns `overdue`). */
  dueAt: string | null;
  provisional: boolean;
  slaState: SlaState;
  escalatedAt: string | null;
}

/** A task of a case detail, with the time its statutory limit has left. */
export interface TaskView extends Task {
  /**
   * Minutes the statutory limit has left on the server's clock: working minutes for working
   * units, elapsed minutes for `hour`/`calendarDay`; negative when overdue (by how much); null
   * without a limit or once closed; while the case is suspended, what the paused clock kept.
   */
  minutesLeft: number | null;
  /** The case waits for a supplement: the task cannot be completed now. */
  suspended: boolean;
}

/** A task in the inbox (`GET /tasks`), with its time left and what the clerk needs of its case. */
export interface InboxItem extends TaskView {
  case: {
    id: string;
    definitionKey: string;
    definitionVersion: number;
    jurisdictionId: string;
    status: CaseStatus;
    applicant: Record<string, unknown>;
  };
}

/** A task on a monitor list (`GET /monitor/overdue`, `GET /monitor/at-risk`). */
export interface MonitoredTask extends Task {
  definitionKey: string;
  caseJurisdictionId: string;
  caseStatus: CaseStatus;
}

/** A case (every column but the engine snapshot). */
export interface CaseView {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  jurisdictionId: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
  status: CaseStatus;
  result: string | null;
  createdBy: string | null;
  createdAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
  suspendedSince: string | null;
  promisedDueAt: string | null;
  slaState: SlaState;
}

/** One entry of a case's audit trail. */
export interface CaseEvent {
  id: number;
  caseId: string;
  /** e.g. `case.created`, `task.created`, `task.claimed`, `task.completed`, `case.suspended`. */
  type: string;
  /** The user who acted (user ids are usernames); null for the system. */
  actorId: string | null;
  /** The acting user's display name; null for the system or the citizen portal. */
  actorName: string | null;
  taskId: string | null;
  payload: Record<string, unknown>;
  at: string;
}

/** `GET /cases/{id}`. */
export interface CaseDetail {
  case: CaseView;
  definition: { key: string; version: number; name: string };
  tasks: TaskView[];
  /** Oldest first. */
  timeline: CaseEvent[];
  /** The nodes of the case's open tasks. */
  activeNodes: string[];
  /** The case-level clock (承诺办结时限, from acceptance). */
  sla: { acceptedAt: string | null; promisedDueAt: string | null; slaState: SlaState; minutesLeft: number | null };
}

/** A page of a list, with the total count. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** A list without paging. */
export interface ItemList<T> {
  items: T[];
}

/** An escalated breach reported to supervisors (`GET /monitor/escalations`). */
export interface Escalation {
  id: number;
  kind: string;
  jurisdictionId: string | null;
  departmentId: string | null;
  caseId: string | null;
  taskId: string | null;
  message: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Load and SLA compliance of one department (the monitor's overview). */
export interface DepartmentLoad {
  departmentId: string;
  departmentName: string;
  jurisdictionId: string;
  kind: string;
  /** Open or claimed tasks. */
  open: number;
  atRisk: number;
  overdue: number;
  /** Tasks closed within their statutory limit. */
  met: number;
  /** Tasks closed after it. */
  breached: number;
  /** Median working minutes from creation to decision of its decided tasks; null when none was decided. */
  medianHandlingMinutes: number | null;
  /** Decided tasks the median is taken over. */
  handled: number;
}

/** The median handling time of a district (the city: of its own departments). */
export interface DistrictHandling {
  jurisdictionId: string;
  medianHandlingMinutes: number | null;
  handled: number;
}

/** `GET /monitor/load`: per department in the caller's scope, and per district. */
export interface MonitorLoad {
  items: DepartmentLoad[];
  districts: DistrictHandling[];
}

/** Figures of one node of a workflow version over the tasks in scope (`GET /monitor/heat`). */
export interface NodeFigures {
  /** Open tasks. */
  active: number;
  atRisk: number;
  overdue: number;
  /** Decided tasks. */
  completed: number;
  /** Mean working minutes from creation to decision; null when none was decided. */
  avgDurationMinutes: number | null;
}

/** `GET /monitor/heat`: figures by node id; nodes without a task in scope are left out. */
export interface MonitorHeat {
  nodes: Record<string, NodeFigures>;
}

/** The tasks in scope on one Shanghai day (`GET /monitor/series`). */
export interface SeriesDay {
  /** `YYYY-MM-DD`. */
  date: string;
  created: number;
  /** Tasks decided that day. */
  completed: number;
  /** Tasks open at the end of the day. */
  openAtEnd: number;
  /** Tasks closed that day within their statutory limit. */
  met: number;
  /** Tasks closed that day after it. */
  breached: number;
}

/** `GET /monitor/series`: one entry per day, oldest first. */
export interface MonitorSeries {
  days: SeriesDay[];
}

/** A workflow in `GET /definitions`: its latest version and every version number. */
export interface DefinitionSummary {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
  publishedBy: string | null;
  versions: number[];
}

/** `GET /definitions/{key}/versions/{version}`. */
export interface DefinitionVersion {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
  publishedBy: string | null;
  definition: WorkflowDefinition;
}

/** `GET /clock`: the runtime's current instant (virtual under `--virtual-clock`). */
export interface ServerClock {
  now: string;
  virtual: boolean;
}
