import { EngineError } from './engine-error.ts';

/**
 * Which rule of extensions an event broke:
 * - `not-allowed`: the task's definition offers no extension;
 * - `reason-missing`: a request gave no reason (the applicant is told why, art. 42);
 * - `cap-exceeded`: a request asked for nothing, or for more than the cap;
 * - `already-requested`: the activation already has an extension requested or approved (one per step);
 * - `not-requested`: an approval came with no request pending;
 * - `wrong-approver`: the approver lacks the role the definition names.
 */
export type ExtensionRule = 'not-allowed' | 'reason-missing' | 'cap-exceeded' | 'already-requested' | 'not-requested' | 'wrong-approver';

/** A `task.requestExtension` or `task.approveExtension` that the rules of extensions refuse. */
export class ExtensionRefusedError extends EngineError {
  readonly code = 'extension-refused';
  readonly taskId: string;
  readonly rule: ExtensionRule;

  /** @param detail one clause saying what is wrong, quoting the ids and amounts involved. */
  constructor(taskId: string, rule: ExtensionRule, detail: string) {
    super(`Extension of task '${taskId}' refused: ${detail}`);
    this.taskId = taskId;
    this.rule = rule;
  }
}
