import { CalendarError } from './calendar-error.ts';

/** A calendar key that no registry knows. */
export class UnknownCalendarError extends CalendarError {
  readonly code = 'unknown-calendar';
  override readonly name = 'UnknownCalendarError';

  /**
   * @param calendarKey the key asked for.
   * @param knownKeys the keys the registry holds.
   */
  constructor(
    readonly calendarKey: string,
    readonly knownKeys: readonly string[],
  ) {
    const known = knownKeys.length === 0 ? 'none' : knownKeys.map((key) => `'${key}'`).join(', ');
    super(`Calendar '${calendarKey}' is not known; known calendars: ${known}`);
  }
}
