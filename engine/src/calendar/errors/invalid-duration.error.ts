import { CalendarError } from './calendar-error.ts';

/** An amount of time that cannot be counted: negative, not finite, fractional days, or too long. */
export class InvalidDurationError extends CalendarError {
  readonly code = 'invalid-duration';
  override readonly name = 'InvalidDurationError';

  /**
   * @param amount the amount given.
   * @param unit the unit it was given in (`workingDay`, `workingHour`, `workingMinute`, `calendarDay`, `hour`).
   * @param reason why it cannot be counted.
   */
  constructor(
    readonly amount: unknown,
    readonly unit: string,
    reason: string,
  ) {
    super(`Duration ${String(amount)} ${unit} cannot be counted: ${reason}`);
  }
}
