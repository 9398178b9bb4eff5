import {
  addWorkingDays,
  addWorkingHours,
  CalendarError,
  formatLocalDateTime,
  getCalendar,
  parseLocalDateTime,
} from '@tongban/engine';
import type { DueDate } from '@tongban/engine';

/** The calendar `tongban due` counts on when `--calendar` is absent. */
export const defaultDueCalendar = 'cn-mainland';

/** The options of `tongban due`, as typed on the command line. */
export interface DueArguments {
  from?: string;
  workingDays?: string;
  workingHours?: string;
  calendar?: string;
}

/** What `tongban due` prints: `dueDate` is `YYYY-MM-DD`, `from` and `dueAt` ISO 8601 with offset. */
export interface DueReport {
  from: string;
  dueDate: string;
  dueAt: string;
  provisional: boolean;
}

/** A command-line value that cannot be used; `flag` names it, e.g. `--working-days`. */
export class DueUsageError extends Error {
  readonly code = 'invalid-argument';

  constructor(readonly flag: string, message: string) {
    super(`${flag}: ${message}`);
    this.name = 'DueUsageError';
  }
}

const wholeNumber = /^\d+$/;
const decimalNumber = /^\d+(\.\d+)?$/;

/**
 * Computes the due date of `tongban due` with the engine's calendar arithmetic: `--working-days N`
 * counts from the day after `--from` to close of business of the N-th working day (民法典 art. 201,
 * 203; 行政许可法 art. 82), `--working-hours N` counts working time from `--from`.
 *
 * Pure: performs no I/O.
 * @throws {DueUsageError} naming the flag whose value is missing or unusable.
 */
export function computeDue(args: DueArguments): DueReport {
  const calendarKey = args.calendar ?? defaultDueCalendar;
  const calendar = withFlag('--calendar', () => getCalendar(calendarKey));
  if (args.from === undefined) throw new DueUsageError('--from', 'required, e.g. --from 2026-02-13 or --from 2026-02-13T16:00');
  const fromText = args.from;
  const from = withFlag('--from', () => parseLocalDateTime(calendar, fromText));
  let due: DueDate;
  if (args.workingDays !== undefined && args.workingHours !== undefined) {
    throw new DueUsageError('--working-days', 'give either --working-days or --working-hours, not both');
  } else if (args.workingDays !== undefined) {
    const text = args.workingDays;
    if (!wholeNumber.test(text)) throw new DueUsageError('--working-days', `expected a whole number of days, got '${text}'`);
    due = withFlag('--working-days', () => addWorkingDays(calendar, from, Number(text)));
  } else if (args.workingHours !== undefined) {
    const text = args.workingHours;
    if (!decimalNumber.test(text)) throw new DueUsageError('--working-hours', `expected a number of hours, got '${text}'`);
    due = withFlag('--working-hours', () => addWorkingHours(calendar, from, Number(text)));
  } else {
    throw new DueUsageError('--working-days', 'give --working-days N or --working-hours N');
  }
  return {
    from: formatLocalDateTime(calendar, from),
    dueDate: due.dueDate,
    dueAt: formatLocalDateTime(calendar, due.dueAt),
    provisional: due.provisional,
  };
}

function withFlag<T>(flag: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarError) throw new DueUsageError(flag, error.message);
    throw error;
  }
}
