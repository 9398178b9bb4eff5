import { EngineError } from './engine-error.ts';

/** The step got no snapshot and an event other than `case.start`. */
export class CaseNotStartedError extends EngineError {
  readonly code = 'case-not-started';
  readonly eventType: string;

  constructor(eventType: string) {
    super(`Event '${eventType}' needs a case snapshot; start the case with 'case.start' first`);
    this.eventType = eventType;
  }
}
