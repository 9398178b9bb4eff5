import { EngineError } from './engine-error.ts';

/**
 * The event ends the other kind of suspension: `case.supplement` while the case is suspended for a
 * hearing, testing or another uncounted period, or `case.resume` while it waits for a 补正.
 */
export class SuspensionMismatchError extends EngineError {
  readonly code = 'suspension-mismatch';
  readonly caseId: string;
  /** Why the case is suspended: `supplement` or the uncounted activity. */
  readonly suspendedFor: string;

  constructor(caseId: string, suspendedFor: string, eventType: string) {
    const ends = suspendedFor === 'supplement' ? "'case.supplement'" : "'case.resume'";
    const what = suspendedFor === 'supplement' ? 'waits for a supplement (补正)' : `is suspended for ${suspendedFor}`;
    super(`Case '${caseId}' ${what}; '${eventType}' does not end that, only ${ends} does`);
    this.caseId = caseId;
    this.suspendedFor = suspendedFor;
  }
}
