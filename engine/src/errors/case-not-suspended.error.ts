import { EngineError } from './engine-error.ts';

/** A supplement arrived for a case that is not waiting for one. */
export class CaseNotSuspendedError extends EngineError {
  readonly code = 'case-not-suspended';
  readonly caseId: string;

  constructor(caseId: string) {
    super(`Case '${caseId}' is not suspended, so it cannot take a supplement`);
    this.caseId = caseId;
  }
}
