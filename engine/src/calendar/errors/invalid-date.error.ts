import { CalendarError } from './calendar-error.ts';

/** A date, a date-time or an instant that is malformed or does not exist. */
export class InvalidDateError extends CalendarError {
  readonly code = 'invalid-date';
  override readonly name = 'InvalidDateError';

  /**
   * @param value the text given, or a description of the instant (e.g. `Invalid Date`).
   * @param expected the forms that would have been accepted.
   */
  constructor(
    readonly value: string,
    readonly expected: string,
  ) {
    super(`'${value}' is not a valid date: expected ${expected}`);
  }
}
