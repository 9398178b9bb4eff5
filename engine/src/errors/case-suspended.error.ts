import { EngineError } from './engine-error.ts';

/**
 * The case is suspended, for a supplement (补正) or a period the law does not count: its tasks stay
 * open but cannot be completed or breached, and it cannot be suspended again.
 */
export class CaseSuspendedError extends EngineError {
  readonly code = 'case-suspended';
  readonly caseId: string;
  /** The node of the task whose clerk suspended the case, `null` when it was suspended as a whole. */
  readonly suspendedBy: string | null;
  /** Why: `supplement`, or the uncounted activity (`hearing`, `testing`, …). */
  readonly suspendedFor: string;

  constructor(caseId: string, suspendedBy: string | null, suspendedFor = 'supplement') {
    const by = suspendedBy === null ? '' : ` by task '${suspendedBy}'`;
    super(
      suspendedFor === 'supplement'
        ? `Case '${caseId}' is suspended${by} until the applicant supplements`
        : `Case '${caseId}' is suspended${by} for ${suspendedFor} until it resumes`,
    );
    this.caseId = caseId;
    this.suspendedBy = suspendedBy;
    this.suspendedFor = suspendedFor;
  }
}
