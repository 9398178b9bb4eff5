/**
 * Why a case may be suspended besides 补正: the activities whose time a licensing period does not
 * count (行政许可法 art. 45: hearing, inspection, testing, quarantine, appraisal, expert review;
 * the applicant is told in writing).
 */
export const suspensionReasons = ['hearing', 'testing', 'inspection', 'expertReview', 'appraisal'] as const;
export type SuspensionReason = (typeof suspensionReasons)[number];

/**
 * The suspension of a case: a 补正 (waiting for the applicant, ended by `case.supplement`) or a
 * period the law does not count (ended by `case.resume`).
 */
export interface CaseSuspension {
  /** `supplement` for a 补正, else a `SuspensionReason`. Absent from older snapshots: a 补正. */
  reason?: 'supplement' | SuspensionReason;
  /** The task whose clerk suspended the case; `null` when the case was suspended as a whole. */
  nodeId: string | null;
  taskId: string | null;
  /** When the step that suspended the case ran (ISO 8601), or `null` outside the step. */
  since: string | null;
}

/**
 * Whether `suspension` waits for the applicant's supplement (补正).
 *
 * Pure: performs no I/O.
 */
export function awaitsSupplement(suspension: CaseSuspension | null): boolean {
  return suspension !== null && (suspension.reason ?? 'supplement') === 'supplement';
}

/** The decision of one instance of a multi-instance task (会签). */
export interface InstanceDecision {
  taskId: string;
  /** The department kind or assignee the instance went to. */
  item: string;
  outcome: string;
  reason?: string;
}

/** The open instances of a multi-instance task (会签) and the decisions taken so far. */
export interface InstanceSet {
  over: 'departments' | 'assignees';
  /** What each instance goes to, in order: instance n (1-based) is task `${activation}.${n}`. */
  items: string[];
  /** Task ids of the instances still open. */
  open: string[];
  decided: InstanceDecision[];
  /** Task ids of the instances removed (减签): they no longer count. Absent from older snapshots: none. */
  removed?: string[];
}

/**
 * The last decision taken on a userTask node: by its clerk, or deemed when its SLA edge deems an
 * outcome (超时默认), or, for a multi-instance task, reached by its instances.
 */
export interface TaskDecision {
  /** The task decided; for a multi-instance task, its activation (`review#1`). */
  taskId: string;
  outcome: string;
  /** The decisions of the instances of a multi-instance task, in the order they were taken. */
  instances?: InstanceDecision[];
  /** Set when no clerk decided: the department stayed silent past the statutory limit. */
  deemed?: true;
  /** The reason the clerk gave (mandatory for `reject` and `return` from schema version 2 on). */
  reason?: string;
}

/** What a timer the engine asked the host to schedule is for. */
export type TimerPurpose = 'acceptance' | 'timerEvent';

/** A timer the host holds for the case, until it fires or is cancelled. */
export interface PendingTimer {
  nodeId: string;
  purpose: TimerPurpose;
}

/** The case counts as accepted (受理) without a decision: the art. 32 deadline passed first. */
export interface DeemedAcceptance {
  /** The intake task whose deadline passed. */
  nodeId: string;
  taskId: string;
  /** The day the application was received, from which it counts as accepted (ISO 8601), when known. */
  acceptedAt: string | null;
}

/** The extension of one task activation: requested by its clerk, then approved or refused. */
export interface TaskExtension {
  nodeId: string;
  /** How much longer the statutory limit runs, in its unit. */
  by: { amount: number; unit: string };
  reason: string;
  status: 'requested' | 'approved' | 'refused';
  /** Why the approver refused it. */
  refusalReason?: string;
}

/** The invocation of a service task the case waits for. */
export interface ServiceInvocation {
  /** The invocation's id: one per activation of the node, `check-licence#2`. */
  serviceId: string;
  /** `running` until the host reports; `incident` once it failed after its last retry. */
  status: 'running' | 'incident';
  /** What the host reported when it failed. */
  error?: string;
}

/**
 * The context of a case machine: its data and the bookkeeping of its tasks. Plain JSON.
 *
 * - `data`: the shared case record (DESIGN.md §5); each completion's `data` is merged in, one level
 *   deep, before gateways test their conditions.
 * - `tasks`: the open task of each userTask node, `nodeId → taskId`.
 * - `activations`: how often each userTask node has been entered; the n-th activation of node
 *   `review` is task `review#n`, so a task re-entered after a return gets a new id.
 */
export interface CaseContext {
  caseId: string;
  data: Record<string, unknown>;
  tasks: Record<string, string>;
  activations: Record<string, number>;
  suspension: CaseSuspension | null;
  /** The `result` of the end event the case reached, `null` while it runs. */
  result: string | null;
  /**
   * The last decision of each userTask node decided so far, by node id. Absent from snapshots
   * written before decisions were recorded.
   */
  decisions?: Record<string, TaskDecision>;
  /**
   * Why the case ended as it did: the reason of the decision that reached its end event (a
   * rejection's reasons), `null` while it runs or when none was given. Absent from older snapshots.
   */
  resultReason?: string | null;
  /** When the case was received (ISO 8601): the `now` of `case.start`. Absent from older snapshots. */
  receivedAt?: string | null;
  /** The timers the host holds for the case, by timer id. Absent from older snapshots: none. */
  timers?: Record<string, PendingTimer>;
  /** Set when the case was deemed accepted (行政许可法 art. 32(4)); absent or `null` otherwise. */
  deemedAcceptance?: DeemedAcceptance | null;
  /** The extensions asked for, by task id (one per activation). Absent from older snapshots: none. */
  extensions?: Record<string, TaskExtension>;
  /** The service invocations the case waits for, by node id. Absent from older snapshots: none. */
  services?: Record<string, ServiceInvocation>;
  /** The instances of each multi-instance task, by node id. Absent from older snapshots: none. */
  instances?: Record<string, InstanceSet>;
  /** The sub-case each call activity waits for, by node id. Absent from older snapshots: none. */
  subCases?: Record<string, string>;
}

/**
 * A fresh copy of the context a compiled machine declares; `initCase` fills it from the input
 * when a case starts.
 *
 * Pure: performs no I/O.
 */
export function emptyCaseContext(): CaseContext {
  return { caseId: '', data: {}, tasks: {}, activations: {}, suspension: null, result: null, decisions: {}, resultReason: null, receivedAt: null, timers: {}, deemedAcceptance: null, extensions: {}, services: {}, instances: {}, subCases: {} };
}

/**
 * The id of the `activation`-th task of `nodeId`: `review#2`.
 *
 * Pure: performs no I/O.
 */
export function taskIdOf(nodeId: string, activation: number): string {
  return `${nodeId}#${activation}`;
}

/**
 * The id of the current activation of `nodeId`: its task id for a userTask (`review#2`), and the
 * same form for the other nodes that wait (timers, service tasks, call activities).
 *
 * Pure: performs no I/O.
 */
export function activationIdOf(context: Pick<CaseContext, 'activations'>, nodeId: string): string {
  return taskIdOf(nodeId, context.activations[nodeId] ?? 0);
}

/**
 * The id of the timer of `purpose` of activation `activationId`: `intake#1/acceptance`. Unique per
 * activation, so a re-armed timer never reuses an id.
 *
 * Pure: performs no I/O.
 */
export function timerIdOf(activationId: string, purpose: TimerPurpose): string {
  return `${activationId}/${purpose}`;
}

/**
 * The id of instance `n` (1-based) of activation `activationId` of a multi-instance task:
 * `review#1.2`.
 *
 * Pure: performs no I/O.
 */
export function instanceIdOf(activationId: string, n: number): string {
  return `${activationId}.${n}`;
}

/**
 * The 1-based number of the instance whose task id is `taskId` (`review#1.2` → 2).
 *
 * Pure: performs no I/O.
 */
export function instanceNumberOf(taskId: string): number {
  return Number(taskId.slice(taskId.lastIndexOf('.') + 1));
}

/**
 * Whether `taskId` is an open task of `nodeId`: its single task, or one of its open instances.
 *
 * Pure: performs no I/O.
 */
export function isOpenTask(context: Pick<CaseContext, 'tasks' | 'instances'>, nodeId: string, taskId: unknown): boolean {
  return (context.tasks[nodeId] !== undefined && context.tasks[nodeId] === taskId) || (context.instances?.[nodeId]?.open.includes(taskId as string) ?? false);
}

/**
 * What the instances of a countersignature decide, counting a further decision `outcome`:
 * `approve` once `completion` has its approvals (all, any one, or `threshold`), `reject` once it
 * can no longer have them, nothing while it still can. Removed instances (减签) do not count; no
 * instance at all counts as approved.
 *
 * Pure: performs no I/O.
 */
export function countersignOutcome(
  set: Pick<InstanceSet, 'items' | 'decided' | 'removed'>,
  completion: 'all' | 'any' | { threshold: number },
  outcome?: string,
): 'approve' | 'reject' | undefined {
  const count = set.items.length - (set.removed?.length ?? 0);
  const outcomes = [...set.decided.map((decision) => decision.outcome), ...(outcome === undefined ? [] : [outcome])];
  const approvals = outcomes.filter((decided) => decided === 'approve').length;
  const rejections = outcomes.length - approvals;
  const required = completion === 'all' ? count : completion === 'any' ? Math.min(1, count) : Math.min(completion.threshold, count);
  if (approvals >= required) return 'approve';
  if (rejections > count - required) return 'reject';
  return undefined;
}
