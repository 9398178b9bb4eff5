import { EngineError } from './engine-error.ts';

/** The case has reached an end event; no event applies any more. */
export class CaseCompletedError extends EngineError {
  readonly code = 'case-completed';
  readonly caseId: string;
  readonly eventType: string;

  constructor(caseId: string, eventType: string) {
    super(`Case '${caseId}' is completed; event '${eventType}' cannot apply`);
    this.caseId = caseId;
    this.eventType = eventType;
  }
}
