import { EngineError } from '../../errors/engine-error.ts';

/**
 * The base of every error the business calendar and the SLA rules throw: an `EngineError`, so
 * hosts map it like any other by its stable kebab-case `code`.
 */
export abstract class CalendarError extends EngineError {}

/** True when `error` is one of the business calendar's typed errors. */
export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof CalendarError;
}
