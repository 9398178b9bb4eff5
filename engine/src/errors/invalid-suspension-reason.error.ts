import { EngineError } from './engine-error.ts';

/** `case.suspend` gave a reason outside the fixed list of periods the law does not count. */
export class InvalidSuspensionReasonError extends EngineError {
  readonly code = 'invalid-suspension-reason';
  readonly reason: string;

  constructor(reason: string, allowed: readonly string[]) {
    super(`'${reason}' is not a reason to suspend a case; the reasons are ${allowed.map((r) => `'${r}'`).join(', ')} (行政许可法 art. 45)`);
    this.reason = reason;
  }
}
