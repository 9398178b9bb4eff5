import { ServiceUnavailableError } from './service-unavailable.error.ts';

/** How long a client is told to wait before trying again while PostgreSQL is away, seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL cannot be reached or is restarting: nothing was changed (a transaction cut short is
 * rolled back by PostgreSQL). HTTP 503 with `Retry-After`; the same request may be sent again.
 */
export class DatabaseUnavailableError extends ServiceUnavailableError {
  constructor(reason: string) {
    super('database-unavailable', `The database is not reachable (${reason}); nothing was changed, try again in ${DATABASE_RETRY_AFTER_SECONDS} s`, {}, DATABASE_RETRY_AFTER_SECONDS);
  }
}
