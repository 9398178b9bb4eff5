import { EngineError } from './engine-error.ts';

/** The case waits for a supplement (补正): its tasks stay open but cannot be completed or breached. */
export class CaseSuspendedError extends EngineError {
  readonly code = 'case-suspended';
  readonly caseId: string;
  readonly suspendedBy: string;

  constructor(caseId: string, suspendedBy: string) {
    super(`Case '${caseId}' is suspended by task '${suspendedBy}' until the applicant supplements`);
    this.caseId = caseId;
    this.suspendedBy = suspendedBy;
  }
}
