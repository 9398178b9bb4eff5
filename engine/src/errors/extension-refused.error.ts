import { EngineError } from './engine-error.ts';

/**
 * Which rule of extensions an event broke:
 * - `not-allowed`: the task's definition offers no extension;
 * - `reason-missing`: a request gave no reason (the applicant is told why, art. 42);
 * - `cap-exceeded`: a request asked for nothing, or for more than the cap;
 * - `amount-not-whole`: a request in days asked for part of one;
 * - `already-requested`: the activation already has an extension requested, approved or refused (one per step);
 * - `not-requested`: an approval or refusal came with no request pending;
 * - `wrong-approver`: the approver lacks the role the definition names.
 */
export type ExtensionRule =
  | 'not-allowed'
  | 'reason-missing'
  | 'cap-exceeded'
  | 'amount-not-whole'
  | 'already-requested'
  | 'not-requested'
  | 'wrong-approver';

/** A `task.requestExtension`, `task.approveExtension` or `task.refuseExtension` that the rules of extensions refuse. */
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
