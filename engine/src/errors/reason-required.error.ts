import { EngineError } from './engine-error.ts';

/** A completion chose an outcome that needs a reason (a rejection, a return) and gave none. */
export class ReasonRequiredError extends EngineError {
  readonly code = 'reason-required';
  readonly nodeId: string;
  readonly outcome: string;
  /** The form field that can hold the reason, when the outcome names one. */
  readonly reasonField: string | undefined;

  constructor(nodeId: string, outcome: string, reasonField: string | undefined) {
    const where = reasonField === undefined ? "in 'reason'" : `in 'reason' or in form field '${reasonField}'`;
    super(`Outcome '${outcome}' of task '${nodeId}' needs a reason; give it ${where}`);
    this.nodeId = nodeId;
    this.outcome = outcome;
    this.reasonField = reasonField;
  }
}
