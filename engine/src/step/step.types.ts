/**
 * The contract between the engine's pure step and the host that runs its effects.
 * @module
 */

/** Why a task closed. */
export type TaskCloseReason = 'completed' | 'returned' | 'cancelled' | 'breached';

/** Events a host sends to a case. Every event names the node so parallel tasks never collide. */
export type CaseEvent =
  | {
      /** Starts a case: the step gets no snapshot, and the case input as its `input` parameter. */
      type: 'case.start';
    }
  | {
      /** A clerk decided a task. `returnTo` picks the target when several `return` edges leave the task. */
      type: 'task.complete';
      nodeId: string;
      taskId: string;
      outcome: string;
      data?: Record<string, unknown>;
      returnTo?: string;
    }
  | {
      /** The applicant supplied what a 补正 asked for: the case resumes. */
      type: 'case.supplement';
      data?: Record<string, unknown>;
    }
  | {
      /** A task's statutory limit passed (its `slaBreach` boundary edge, when it has one, is taken). */
      type: 'task.slaBreach';
      nodeId: string;
      taskId: string;
    };

/** What a step asks the host to do, in order. */
export type Effect =
  | { type: 'createTask'; taskId: string; nodeId: string }
  | { type: 'closeTask'; taskId: string; nodeId: string; reason: TaskCloseReason }
  | { type: 'suspendCase'; reason: 'supplement'; nodeId: string; taskId: string }
  | { type: 'resumeCase' }
  | { type: 'completeCase'; result: string; nodeId: string };

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
