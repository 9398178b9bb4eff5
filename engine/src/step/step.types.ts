/**
 * The contract between the engine's pure step and the host that runs its effects.
 * @module
 */
import type { SuspensionReason, TimerPurpose } from '../compile/case-context.ts';
import type { SlaLimit } from '../definition/edge.schema.ts';
import type { ServiceImplementation, ServiceRetry } from '../definition/node.schema.ts';
import type { Duration } from '../definition/sla.schema.ts';
import type { FeelEvaluator } from '../feel/feel-evaluator.types.ts';

/** Why a task closed (`withdrawn`: its host took back the completion that opened it, 撤回). */
export type TaskCloseReason = 'completed' | 'returned' | 'cancelled' | 'breached' | 'removed' | 'withdrawn';

/** Events a host sends to a case. Every event names the node so parallel tasks never collide. */
export type CaseEvent =
  | {
      /** Starts a case: the step gets no snapshot, and the case input as its `input` parameter. */
      type: 'case.start';
    }
  | {
      /**
       * A clerk decided a task. `returnTo` picks the target when several `return` edges leave the
       * task. `reason`: why; an outcome that needs one (`reject` and `return` by default) takes it
       * from here or from its `reasonField` in `data`.
       */
      type: 'task.complete';
      nodeId: string;
      taskId: string;
      outcome: string;
      data?: Record<string, unknown>;
      returnTo?: string;
      reason?: string;
    }
  | {
      /** The applicant supplied what a 补正 asked for: the case resumes. */
      type: 'case.supplement';
      data?: Record<string, unknown>;
    }
  | {
      /**
       * Suspends the case for a period the law does not count (行政许可法 art. 45): every clock
       * stops, tasks stay open but cannot be completed, until `case.resume`. `nodeId` / `taskId`:
       * the open task whose clerk ordered it, when one did.
       */
      type: 'case.suspend';
      reason: SuspensionReason;
      nodeId?: string;
      taskId?: string;
    }
  | {
      /** The uncounted period is over: the case resumes, its clocks with the time they had left. */
      type: 'case.resume';
      data?: Record<string, unknown>;
    }
  | {
      /**
       * The applicant withdraws the application (撤回申请), suspended or not: every open task
       * closes `cancelled` and the case ends with result `withdrawn` at `@withdrawn`.
       */
      type: 'case.withdraw';
      reason?: string;
    }
  | {
      /**
       * A limit of a task passed: its statutory limit (the default) or its promised one. The
       * task's SLA edge watching that limit, when it has one, acts; otherwise nothing happens.
       */
      type: 'task.slaBreach';
      nodeId: string;
      taskId: string;
      limit?: SlaLimit;
    }
  | {
      /**
       * The clerk of task `taskId` asks for its statutory limit to run `amount` longer (in the
       * unit of the task's extension cap), for `reason`, which the applicant is told (art. 42).
       */
      type: 'task.requestExtension';
      nodeId: string;
      taskId: string;
      amount: number;
      reason: string;
    }
  | {
      /**
       * 加签: the clerk of open instance `taskId` of the countersignature (会签) at `nodeId` adds
       * signers `items` (usernames or department kinds, as the node's instances go to): each a new
       * instance, counted by the completion rule.
       */
      type: 'task.addSigners';
      nodeId: string;
      taskId: string;
      items: string[];
    }
  | {
      /**
       * 减签: open instance `taskId` of the countersignature at `nodeId` is removed: it no longer
       * counts, and the completion rule is applied again at once to the instances left.
       */
      type: 'task.removeSigner';
      nodeId: string;
      taskId: string;
    }
  | {
      /** A user holding `approverRole` approves the extension requested for task `taskId`. */
      type: 'task.approveExtension';
      nodeId: string;
      taskId: string;
      approverRole: string;
    }
  | {
      /**
       * A user holding `approverRole` refuses the extension requested for task `taskId`, for
       * `reason`, which the clerk is told; the deadline stays, and the step is not extended.
       */
      type: 'task.refuseExtension';
      nodeId: string;
      taskId: string;
      approverRole: string;
      reason: string;
    }
  | {
      /** Invocation `serviceId` of a service task succeeded; its `data` merges into the case data. */
      type: 'service.succeeded';
      nodeId: string;
      serviceId: string;
      data?: Record<string, unknown>;
    }
  | {
      /** Invocation `serviceId` failed after the host's last retry: an incident the case waits on. */
      type: 'service.failed';
      nodeId: string;
      serviceId: string;
      error: string;
    }
  | {
      /** Someone resolved the incident of invocation `serviceId`: invoke the service again. */
      type: 'service.retry';
      nodeId: string;
      serviceId: string;
    }
  | {
      /**
       * Sub-case `subCaseId` of call activity `nodeId` ended with `result` (its end event's); its
       * `data` merges into the case data and the result routes the case on.
       */
      type: 'subCase.completed';
      nodeId: string;
      subCaseId: string;
      result: string;
      data?: Record<string, unknown>;
    }
  | {
      /** A timer the step asked for (`scheduleTimer`) came due. */
      type: 'timer.fired';
      nodeId: string;
      timerId: string;
    };

/**
 * The instance a task of a multi-instance step (会签) is: the `index`-th of `of`, going to `item`,
 * a department kind (`over: 'departments'`, routed at the task's level) or an assignee
 * (`over: 'assignees'`, within the task's department).
 */
export interface TaskInstance {
  over: 'departments' | 'assignees';
  item: string;
  index: number;
  of: number;
}

/** What a step asks the host to do, in order. */
export type Effect =
  /** Open task `taskId` of node `nodeId`; `instance` when it is one of several of a countersignature. */
  | { type: 'createTask'; taskId: string; nodeId: string; instance?: TaskInstance }
  | { type: 'closeTask'; taskId: string; nodeId: string; reason: TaskCloseReason }
  | { type: 'suspendCase'; reason: 'supplement'; nodeId: string; taskId: string }
  /**
   * Stop every clock of the case (its tasks' limits and its promised total) for `reason`, a
   * period the law does not count; tasks stay open but cannot be completed until `resumeCase`.
   * `nodeId` / `taskId`: the task whose clerk ordered it, `null` when none did.
   */
  | { type: 'pauseCase'; reason: SuspensionReason; nodeId: string | null; taskId: string | null }
  /** Restart every clock the suspension (a 补正 or an uncounted period) stopped, with the time each had left. */
  | { type: 'resumeCase' }
  | { type: 'completeCase'; result: string; nodeId: string }
  /**
   * Report task `taskId` up the jurisdiction tree (to the supervisors of the parent
   * jurisdiction): its `limit` passed and SLA edge `edgeId` escalates. On an interrupting edge the
   * task has just closed as `breached`; on a non-interrupting one it stays open.
   */
  | { type: 'escalate'; nodeId: string; taskId: string; edgeId: string; limit: SlaLimit }
  /** Remind the clerks of open task `taskId` that its `limit` passed (SLA edge `edgeId`). */
  | { type: 'notify'; nodeId: string; taskId: string; edgeId: string; limit: SlaLimit }
  /**
   * Record on task `taskId`, closed as `breached`, the outcome its department's silence counts as
   * (超时默认: `approve` for deemed approval, `reject` for deemed rejection).
   */
  | { type: 'deemOutcome'; nodeId: string; taskId: string; outcome: 'approve' | 'reject' }
  /**
   * Arm timer `timerId` to send `timer.fired { nodeId, timerId }` once `duration` has run, counted
   * on the workflow's calendar from now, like a task limit; it stops while the case is suspended.
   * `purpose`: `acceptance` for an intake's art. 32 deadline, `timerEvent` for a timer node. A
   * timer id is never reused.
   */
  | { type: 'scheduleTimer'; timerId: string; nodeId: string; duration: Duration; purpose: TimerPurpose }
  /** Drop timer `timerId`: what it waited for happened first. */
  | { type: 'cancelTimer'; timerId: string; nodeId: string }
  /**
   * The intake's art. 32 deadline passed with no decision: record the case as accepted (受理) as of
   * `acceptedAt`, the day the application was received (`null` when the snapshot predates that
   * record: the host's own receipt time). The intake task `taskId` stays open.
   */
  | { type: 'deemAccepted'; nodeId: string; taskId: string; acceptedAt: string | null }
  /**
   * Ask a user holding `approverRole` (in the task's department) to approve extending task
   * `taskId` by `by`, for `reason`.
   */
  | { type: 'requestExtensionApproval'; nodeId: string; taskId: string; by: Duration; reason: string; approverRole: string }
  /**
   * Move the statutory deadline of task `taskId` (and its timer) `by` later, counted on the
   * workflow's calendar from the current deadline; tell the applicant the reason (art. 42).
   */
  | { type: 'extendDeadline'; nodeId: string; taskId: string; by: Duration }
  /** The extension of task `taskId` by `by` was refused for `reason`; tell its clerk. The deadline stays. */
  | { type: 'extensionRefused'; nodeId: string; taskId: string; by: Duration; reason: string }
  /**
   * Run service task `nodeId` as invocation `serviceId` (new for every activation and every
   * `service.retry`, so usable as a job id): call `implementation`, retrying by `retry` (`null`:
   * no retry), then send `service.succeeded` or `service.failed`.
   */
  | { type: 'invokeService'; serviceId: string; nodeId: string; implementation: ServiceImplementation; retry: ServiceRetry | null }
  /** Record an incident: invocation `serviceId` failed after its last retry with `error`; the case waits for `service.retry`. */
  | { type: 'raiseIncident'; serviceId: string; nodeId: string; error: string }
  /**
   * Start a case of definition `definitionKey` (`version`, or the latest published when `null`)
   * as sub-case `subCaseId` (unique: the parent case id, the node, the activation), with `data`;
   * send `subCase.completed` to this case when it ends.
   */
  | { type: 'startSubCase'; nodeId: string; subCaseId: string; definitionKey: string; version: number | null; data: Record<string, unknown> }
  /** Withdraw sub-case `subCaseId`: the case left its call activity before the sub-case ended. */
  | { type: 'cancelSubCase'; nodeId: string; subCaseId: string };

/** The input a case starts with. `data` becomes the case record the tasks share. */
export interface CaseInput {
  caseId: string;
  data: Record<string, unknown>;
}

/** A snapshot as the host stores it: a plain JSON object. */
export type PersistedCaseSnapshot = Record<string, unknown>;

/** The result of one step. */
export interface StepResult {
  snapshot: PersistedCaseSnapshot;
  effects: Effect[];
}

/** How a step runs. */
export interface StepOptions {
  /**
   * Evaluates the FEEL of gateway conditions and multi-instance collections; `evaluateFeel` (feelin
   * in the calling thread, unbounded) by default. A host gives a bounded one for definitions whose
   * expressions it does not trust.
   */
  feel?: FeelEvaluator;
}
