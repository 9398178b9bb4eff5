import { CalendarError } from '../calendar/errors/calendar-error.ts';

/** A task SLA that does not satisfy `taskSlaSchema` (e.g. neither a promised nor a statutory limit). */
export class InvalidSlaError extends CalendarError {
  readonly code = 'invalid-sla';
  override readonly name = 'InvalidSlaError';

  /** @param reason what is wrong, from the schema. */
  constructor(reason: string) {
    super(`SLA cannot be counted: ${reason}`);
  }
}
