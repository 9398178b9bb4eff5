import { CalendarError } from './calendar-error.ts';

/** One problem found in calendar data: where (a dotted path) and what. */
export interface CalendarIssue {
  path: string;
  message: string;
}

/** Calendar data that does not satisfy `businessCalendarSchema`. */
export class InvalidCalendarError extends CalendarError {
  readonly code = 'invalid-calendar';
  override readonly name = 'InvalidCalendarError';

  /**
   * @param calendarKey the `key` of the rejected calendar, or `undefined` when it has none.
   * @param issues every problem found, each with its path inside the data.
   */
  constructor(
    readonly calendarKey: string | undefined,
    readonly issues: readonly CalendarIssue[],
  ) {
    const subject = calendarKey === undefined ? 'Calendar data' : `Calendar '${calendarKey}'`;
    const details = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
    super(`${subject} is invalid: ${details.join('; ')}`);
  }
}

/**
 * Issues of a schema failure (zod's `{ path, message }`) as `CalendarIssue`s, paths written
 * `years[1].holidays[0].daysOff`.
 */
export function calendarIssuesOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): CalendarIssue[] {
  return issues.map((issue) => ({
    path: issue.path
      .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
      .join(''),
    message: issue.message,
  }));
}
