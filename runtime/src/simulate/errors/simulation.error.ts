/** Stable codes of what stops a simulation before or while it runs. */
export type SimulationErrorCode =
  | 'clock-not-virtual'
  | 'unknown-jurisdiction'
  | 'no-fixtures'
  | 'no-clerks'
  | 'no-admin'
  | 'unreadable-definition';

/** The simulation cannot run as asked; `code` says why, the message names the ids involved. */
export class SimulationError extends Error {
  constructor(
    readonly code: SimulationErrorCode | ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Stable codes of a failed call of the Tongban API. */
export type ApiErrorCode = 'api-request-failed' | 'api-unreachable';
