import { DatabaseUnavailableError } from '../errors/index.ts';

/** Socket and postgres.js codes of a connection that failed or dropped (not `CONNECTION_ENDED`: a pool this process closed). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs of a server going away or not yet accepting: `admin_shutdown`, `crash_shutdown`,
 * `cannot_connect_now` (starting up, shutting down, in recovery), `too_many_connections`, and the
 * whole class 08 (connection exception).
 */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * The {@link DatabaseUnavailableError} that `error` amounts to when it, or an error it was caused
 * by (drizzle wraps the driver's), says PostgreSQL cannot be reached or is restarting; else undefined.
 *
 * Pure: performs no I/O.
 */
export function databaseUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (CONNECTION_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return new DatabaseUnavailableError(code);
  }
  return undefined;
}
