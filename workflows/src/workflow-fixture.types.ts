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

/** One scripted event of a fixture. */
export type FixtureAction = FixtureCompletion | FixtureSupplement;

/** A task the case creates, with the department it is routed to. */
export interface FixtureTask {
  nodeId: string;
  /** Department id, `${jurisdictionId}-${kind}`, e.g. `sh-huangpu-market-regulation` or `sh-fire-rescue`. */
  department: string;
}

/** A task that closed without being completed. */
export interface FixtureClosedTask {
  nodeId: string;
  /** `returned`: a return left its parallel block; `cancelled`: the case ended while it was open. */
  reason: Extract<TaskCloseReason, 'returned' | 'cancelled'>;
}

/** A case fixture of one workflow. */
export interface WorkflowFixture {
  /** Unique within its workflow: the file name without `.json`. */
  id: string;
  /** Key of the workflow definition it runs on. */
  workflow: string;
  name: string;
  description: string;
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
  };
}
