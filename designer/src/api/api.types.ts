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
  /** The business calendar its cases are counted on; null: its parent's. */
  calendarKey: string | null;
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
/** `cancelled`: closed undecided (work a return cancelled, a withdrawal): counted neither met nor breached. */
export type SlaState = 'onTrack' | 'atRisk' | 'overdue' | 'met' | 'breached' | 'cancelled';

/** Status of a task. */
export type TaskStatus = 'open' | 'claimed' | 'completed' | 'closed';

/** Status of a case. */
export type CaseStatus = 'active' | 'suspended' | 'completed';

/** State of an extension of a task's statutory limit. */
export type ExtensionStatus = 'requested' | 'approved' | 'refused';

/**
 * The extension of a task's statutory limit asked for on one activation (行政许可法 art. 42):
 * requested by the task's clerk with a reason the applicant is told, approved or refused by a
 * user holding `approverRole`.
 */
export interface TaskExtension {
  /** How much longer, in `unit` (the unit of the task's statutory limit). */
  amount: number;
  /** An SLA unit: `workingDay`, `workingHour`, `calendarDay` or `hour`. */
  unit: string;
  reason: string;
  status: ExtensionStatus;
  approverRole: string;
  /** The user id (username) of the clerk who asked. */
  requestedBy: string | null;
  requestedAt: string;
  approvedBy?: string | null;
  approvedAt?: string;
  refusedBy?: string | null;
  refusedAt?: string;
  refusalReason?: string;
  /** Once approved: the statutory deadline before and after the extension. */
  previousDueAt?: string | null;
  dueAt?: string;
}

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
  /** The extension of its statutory limit asked for on this activation, if any. */
  extension: TaskExtension | null;
  /** For one task of a countersignature (会签): which of how many, going to which department kind or assignee. */
  instance: { over: 'departments' | 'assignees'; item: string; index: number; of: number } | null;
  /**
   * A signer added to a single task (加签): on the signer's task (`signer`, holding `parentTaskId`),
   * on a task whose assignee decides before signer `signerId` (`after`), or on a task held until
   * its signer's task `signerTaskId` is approved (`waiting`, with the held `decision` when the
   * signer acts after the assignee).
   */
  signing?: {
    role: 'signer' | 'after' | 'waiting';
    position: 'before' | 'after';
    parentTaskId?: string;
    signerId?: string;
    signerTaskId?: string;
    by: string;
    reason: string;
    at: string;
    decision?: { outcome: string };
  } | null;
  /** The first handler of a task transferred or delegated since. */
  ownerId: string | null;
  /** The delegation (委派) under way: the delegatee `to` may only resolve it back to `from`. */
  delegation: { from: string; to: string; reason: string; at: string } | null;
  /** The chain of handlers, oldest first. */
  handoffs: TaskHandoff[];
  /** The 补正 asked on this activation (at most one) and its answer; null when none was. */
  supplementRequest?: SupplementRequest | null;
}

/** One link of a task's chain of handlers. */
export interface TaskHandoff {
  kind: 'transfer' | 'delegate' | 'resolve' | 'unclaim' | 'reassign' | 'addSigner' | 'signerApproved' | 'removeSigner';
  by: string | null;
  from: string | null;
  to: string | null;
  fromDepartmentId: string;
  toDepartmentId: string;
  reason: string | null;
  at: string;
}

/** One thing a 补正 asks for: a field of the application or a document, with a note. */
export type SupplementItem = { kind: 'field'; field: string; note: string } | { kind: 'document'; document: string; note: string };

/** A 补正 asked on a task: its items, who asked when, and the answer (`portal` or received at the `window`). */
export interface SupplementRequest {
  items: SupplementItem[];
  requestedBy: string | null;
  requestedAt: string;
  answeredAt?: string;
  answeredBy?: string | null;
  channel?: 'portal' | 'window';
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
    caseNumber: string;
    definitionKey: string;
    definitionVersion: number;
    jurisdictionId: string;
    status: CaseStatus;
    applicant: Record<string, unknown>;
  };
}

/** A task on a monitor list (`GET /monitor/overdue`, `GET /monitor/at-risk`). */
/** A task with the number a person reads of its case (extension requests, and the done list's rows). */
export interface TaskWithCaseNumber extends Task {
  caseNumber: string;
}

/** A task on the done list (已办): whether the caller may still withdraw it (撤回). */
export interface DoneTask extends TaskWithCaseNumber {
  withdrawable: boolean;
}

export interface MonitoredTask extends Task {
  /** The number a person reads of its case, e.g. `SH-2026-000123`. */
  caseNumber: string;
  definitionKey: string;
  caseJurisdictionId: string;
  caseStatus: CaseStatus;
  applicantName: string | null;
  /** The assignee's display name; null while unclaimed. */
  assigneeName: string | null;
  /** Working minutes since the statutory limit passed, on the case's calendar; null when it has not. */
  overdueWorkingMinutes: number | null;
  /** Working minutes of a full working day on that calendar. */
  workingMinutesPerDay: number;
}

/** A case (every column but the engine snapshot). */
export interface CaseView {
  id: string;
  /** The number a person reads, e.g. `SH-2026-000123`. */
  caseNumber: string;
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
  /** Why it is suspended: `supplement` (补正) or a period the law does not count (行政许可法 art. 45). */
  suspensionReason?: string | null;
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
  /** The number a person reads of that case. */
  caseNumber: string | null;
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

/** Where a business calendar comes from: shipped with Tongban, stored whole, or an override of a base calendar. */
export type CalendarOrigin = 'builtIn' | 'stored' | 'override';

/** A working period of a day, local time `HH:mm`. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** One holiday of a year's notice: its days off and the weekend days worked instead (调休). */
export interface CalendarHoliday {
  name: string;
  /** Local dates `YYYY-MM-DD`, both included. */
  daysOff: { from: string; to: string };
  makeUpWorkdays: string[];
}

/** Where a year's holidays are published: the State Council's notice (国务院办公厅关于…节假日安排的通知). */
export interface NoticeSource {
  title: string;
  documentNumber: string;
  /** `YYYY-MM-DD`. */
  issued: string;
  url: string;
}

/** A year's holiday notice as `PUT /calendars/{key}/notices/{year}` takes it. */
export interface CalendarNotice {
  year: number;
  source: NoticeSource;
  holidays: CalendarHoliday[];
}

/** A year of a calendar, from its notice. */
export interface CalendarYearView extends CalendarNotice {
  /** Loaded through the API while running (not shipped with Tongban). */
  loadedAtRunTime: boolean;
}

/** A day a jurisdiction works or rests unlike its base calendar. */
export interface CalendarAdjustment {
  /** `YYYY-MM-DD`. */
  date: string;
  working: boolean;
  reason: string;
}

/** A business calendar (`GET /calendars`, `GET /calendars/{key}`). */
export interface BusinessCalendarView {
  key: string;
  name: string;
  origin: CalendarOrigin;
  /** For an override: the calendar it adjusts. */
  base: string | null;
  version: number | null;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  workingHours: WorkingPeriod[];
  /** Years with a holiday notice, oldest first; later years are counted on weekends only (provisional). */
  years: CalendarYearView[];
  adjustments: CalendarAdjustment[];
  /** Ids of the jurisdictions that name this calendar (their sub-jurisdictions count on it unless they name another). */
  jurisdictions: string[];
}

/** What a calendar change recounted: the live deadlines of open cases counted on it. */
export interface RecountSummary {
  /** Open cases with live deadlines on the calendars changed. */
  cases: number;
  changedCases: number;
  /** Timers whose deadline, minutes left or provisional flag changed. */
  timers: number;
}

/** `PUT /calendars/{key}/notices/{year}`: the calendar as it now is and what the recount changed. */
export interface CalendarChanged {
  calendar: BusinessCalendarView;
  recount: RecountSummary;
}

/** Kinds of notification a user's 消息 holds. */
export type UserNotificationKind = 'urge' | 'copy' | 'escalation' | 'extensionApproved' | 'extensionRefused';

/** One notification addressed to the signed-in user (`GET /me/notifications`). */
export interface UserNotification {
  id: number;
  kind: UserNotificationKind | string;
  message: string;
  caseId: string | null;
  /** The number a person reads of that case, when it is about one. */
  caseNumber: string | null;
  taskId: string | null;
  taskName: string | null;
  definitionKey: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
  read: boolean;
}

/** A page of the user's notifications, with the count of all their unread ones. */
export interface UserNotificationPage extends Page<UserNotification> {
  unread: number;
}

/** Another open task a return would cancel (`GET /tasks/{id}/return-preview`). */
export interface ReturnCancel {
  id: string;
  nodeId: string;
  name: string;
  departmentId: string;
  departmentName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

/** What a return of a task would cancel besides the task itself. */
export interface ReturnPreview {
  taskId: string;
  returnTo: string | null;
  cancels: ReturnCancel[];
}

/** A change to the departments a forecast is run under as well (`POST /monitor/forecast`). */
export interface ForecastWhatIf {
  /** Clerks added (positive) or removed (negative) per department id. */
  clerks?: Record<string, number>;
  /** Departments closed for one working day of the horizon (1 = the first). */
  closures?: { departmentId: string; day: number }[];
}

/** `POST /monitor/forecast`: what to forecast. */
export interface ForecastRequest {
  horizonDays: number;
  runs: number;
  seed: number;
  whatIf?: ForecastWhatIf;
}

/** One department's forecast. */
export interface ForecastDepartment {
  departmentId: string;
  name: string;
  expectedBreaches: number;
  expectedBreachesOfOpenTasks: number;
  expectedDecisions: number;
  clerks: number;
  tasksPerClerkPerDay: number;
  /** `profile`: too few recorded decisions, the simulation profile stood in. */
  source: 'history' | 'profile';
  decisions: number;
  /** A department of the caller's jurisdiction: a what-if may change it (not one of a higher level handling some of the cases). */
  inScope: boolean;
  whatIf?: { expectedBreaches: number; expectedDecisions: number; clerks: number };
}

/** One open task's forecast. */
export interface ForecastTask {
  taskId: string;
  caseId: string;
  caseNumber: string;
  nodeId: string;
  name: string;
  departmentId: string;
  dueAt: string | null;
  overdue: boolean;
  breachProbability: number;
  whatIfBreachProbability?: number;
}

/** `POST /monitor/forecast`: the answer. */
export interface ForecastAnswer {
  seed: number;
  runs: number;
  horizonDays: number;
  asOf: string;
  horizonEnd: string;
  openCases: number;
  expectedBreaches: number;
  whatIfExpectedBreaches?: number;
  whatIf?: ForecastWhatIf;
  departments: ForecastDepartment[];
  tasks: ForecastTask[];
  profileDepartments: string[];
  note: string;
  engineSteps: number;
  elapsedMs: number;
}
