import { EngineError } from './engine-error.ts';

/** The step got `case.start` together with the snapshot of a case that already runs. */
export class CaseAlreadyStartedError extends EngineError {
  readonly code = 'case-already-started';
  readonly caseId: string;

  constructor(caseId: string) {
    super(`Case '${caseId}' has already started; 'case.start' applies only without a snapshot`);
    this.caseId = caseId;
  }
}
