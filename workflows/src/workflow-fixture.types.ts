/**
 * The shape of a case fixture: one application, the clerks' decisions in order, and what the
 * case must end with. Fixtures are data (`<workflow>/fixtures/*.json`); engine tests, the runtime's
 * simulation and e2e tests can all replay them.
 * @module
 */
import type { TaskCloseReason } from '@tongban/engine';

/** A clerk completes the open task of `nodeId` with `outcome`, writing `data` to case data. */
export interface FixtureCompletion {
  action: 'complete';
  nodeId: string;
  outcome: string;
  data?: Record<string, unknown>;
  /** The target of a `return` when the task has several return edges. */
  returnTo?: string;
  comment?: string;
}

/** The applicant supplies what a 补正 asked for; `data` is merged into case data and the case resumes. */
export interface FixtureSupplement {
  action: 'supplement';
  data?: Record<string, unknown>;
}

/**
 * The clock passes a limit of the open task of `nodeId` without a decision: its statutory limit
 * (the default) or its promised one. The task's SLA edge watching that limit acts (超时默认 deems
 * an outcome, a reminder notifies, an escalation reports up).
 */
export interface FixtureSlaBreach {
  action: 'slaBreach';
  nodeId: string;
  limit?: 'promised' | 'statutory';
}

/** The timer of the timerEvent `nodeId` comes due (a public-notice period ends). */
export interface FixtureTimerFired {
  action: 'timerFired';
  nodeId: string;
}

/** One scripted event of a fixture. */
export type FixtureAction = FixtureCompletion | FixtureSupplement | FixtureSlaBreach | FixtureTimerFired;

/**
 * The limits of one task activation, as local dates (`YYYY-MM-DD`) on the workflow's business
 * calendar, counted from the moment the task is created (before any suspension moves them).
 */
export interface FixtureDueDates {
  nodeId: string;
  /** Which activation of the node, 1 for the first (default). */
  activation?: number;
  promised?: string;
  statutory?: string;
}

/** A task the case creates, with the department it is routed to. */
export interface FixtureTask {
  nodeId: string;
  /** Department id, `${jurisdictionId}-${kind}`, e.g. `sh-huangpu-market-regulation` or `sh-fire-rescue`. */
  department: string;
}

/** A task that closed without being completed. */
export interface FixtureClosedTask {
  nodeId: string;
  /**
   * `returned`: a return left its parallel block; `cancelled`: the case ended while it was open;
   * `breached`: its limit passed and its SLA edge left it (超时默认).
   */
  reason: Extract<TaskCloseReason, 'returned' | 'cancelled' | 'breached'>;
}

/** A case fixture of one workflow. */
export interface WorkflowFixture {
  /** Unique within its workflow: the file name without `.json`. */
  id: string;
  /** Key of the workflow definition it runs on. */
  workflow: string;
  name: string;
  description: string;
  /**
   * When the case is filed (ISO 8601 with offset); each scripted action follows one hour later.
   * Default `2026-03-02T09:00:00+08:00`, a working Monday morning.
   */
  filedAt?: string;
  /** Id of the jurisdiction the case is filed in, e.g. `sh-huangpu-nanjing-east`. */
  jurisdiction: string;
  applicant: { name: string; phone: string };
  /** The application data, matching the definition's `dataSchema`. */
  data: Record<string, unknown>;
  script: FixtureAction[];
  expected: {
    /** The `result` of the end event the case reaches. */
    result: string;
    /** Every task the case creates, one entry per activation; order is not significant. */
    tasks: FixtureTask[];
    /** Tasks closed without completion; absent means none. Order is not significant. */
    closed?: FixtureClosedTask[];
    /** Entries the final case data must contain. */
    data?: Record<string, unknown>;
    /** The limits of these task activations on the real calendar (public holidays and 调休 counted). */
    dueDates?: FixtureDueDates[];
    /** The case's promised total (承诺办结时限) as a local date, counted from filing. */
    casePromisedDate?: string;
  };
}
