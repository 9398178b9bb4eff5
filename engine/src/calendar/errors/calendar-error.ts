/**
 * The base of every error the business calendar and the SLA rules throw.
 *
 * Each subclass carries a stable kebab-case `code` that callers (the API, the CLI) map to a
 * response without parsing the message.
 */
export abstract class CalendarError extends Error {
  /** Stable kebab-case identifier of the kind of error. */
  abstract readonly code: string;
}

/** True when `error` is one of the business calendar's typed errors. */
export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof CalendarError;
}
