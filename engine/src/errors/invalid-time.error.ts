import { EngineError } from './engine-error.ts';

/** The `now` handed to the step is not a valid date. */
export class InvalidTimeError extends EngineError {
  readonly code = 'invalid-time';

  constructor(parameter: string) {
    super(`Parameter '${parameter}' is not a valid Date`);
  }
}
