import { randomUUID } from 'node:crypto';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { databaseUnavailable } from '../../db/database-unavailable.ts';
import { DatabaseUnavailableError, isTongbanError, ServiceUnavailableError } from '../../errors/index.ts';
import { loggableError } from './loggable-error.ts';

/** Where the HTTP layer reports errors it did not expect. */
export interface HttpLogger {
  error(message: string, context: Record<string, unknown>): void;
}

/** The one error body of the API: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  logger?: HttpLogger;
}

/** Codes for the statuses Hono itself raises as an `HTTPException`. */
const HTTP_EXCEPTION_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

const consoleLogger: HttpLogger = {
  error: (message, context) => console.error(message, context),
};

/** `{ requestId }` when `hono/request-id` gave the request one. */
function requestIdOf(c: Context): { requestId?: string } {
  const id: unknown = c.get('requestId');
  return typeof id === 'string' ? { requestId: id } : {};
}

function errorResponse(c: Context, status: number, body: ErrorBody['error']): Response {
  return c.json({ error: body } satisfies ErrorBody, status as ContentfulStatusCode);
}

/**
 * The `app.onError` of the API: maps every error to `{ error: { code, message, details } }`.
 *
 * - a `TongbanError` answers with its own `status`, `code`, `message` and `details` (and is
 *   logged when that status is 5xx);
 * - an error of PostgreSQL being away (refused, dropped, restarting, wrapped or not) answers 503
 *   `database-unavailable` with `Retry-After` ({@link DatabaseUnavailableError}); any other
 *   {@link ServiceUnavailableError} that says when to try again carries `Retry-After` too;
 * - a Hono `HTTPException` answers with its status and a code for it;
 * - anything else is a bug: logged with a reference, answered 500 `internal` with only that
 *   reference (and the request id), so no internals leak.
 *
 * A logged error carries the request id, when the request has one (`hono/request-id`).
 *
 * A logged error carries its class, code, message and stack frames, and for a failed query its
 * SQL text and each parameter's position, type and length, never a value (see {@link loggableError}).
 *
 * @param [options.logger=console] - Receives unexpected errors.
 */
export const errorHandler = ({ logger = consoleLogger }: ErrorHandlerOptions = {}): ErrorHandler => {
  return function errorHandler(thrown, c) {
    const error = isTongbanError(thrown) ? thrown : (databaseUnavailable(thrown) ?? thrown);
    if (error instanceof ServiceUnavailableError && error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
    if (isTongbanError(error)) {
      if (error.status >= 500) logger.error(`${error.code} answering ${c.req.method} ${c.req.path}`, { ...requestIdOf(c), error: loggableError(error) });
      return errorResponse(c, error.status, {
        code: error.code,
        message: error.message,
        details: error.details ?? null,
      });
    }
    if (error instanceof HTTPException) {
      return errorResponse(c, error.status, {
        code: HTTP_EXCEPTION_CODES[error.status] ?? `http-${error.status}`,
        message: error.message,
        details: null,
      });
    }
    const reference = randomUUID();
    logger.error(`Unexpected error answering ${c.req.method} ${c.req.path}`, { reference, ...requestIdOf(c), error: loggableError(error) });
    return errorResponse(c, 500, {
      code: 'internal',
      message: `An internal error occurred (reference ${reference})`,
      details: { reference, ...requestIdOf(c) },
    });
  };
};
