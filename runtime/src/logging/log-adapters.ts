import type { Logger } from 'pino';
import { loggableError } from '../http/middleware/loggable-error.ts';
import type { HttpLogger } from '../http/middleware/error-handler.ts';
import type { RequestLine } from '../http/middleware/request-observer.ts';
import type { RuntimeLogger } from '../runtime-logger.ts';

/** Paths probed so often that their request lines are logged at `debug`, not `info`. */
const PROBE_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** The runtime's logger on pino: an error is logged as {@link loggableError} describes it, never with query values. */
export function runtimeLogger(log: Logger): RuntimeLogger {
  return {
    info: (message) => log.info(message),
    error: (message, error) => (error === undefined ? log.error(message) : log.error({ error: loggableError(error) }, message)),
  };
}

/** The HTTP error handler's logger on pino (its context already holds a loggable error). */
export function httpLogger(log: Logger): HttpLogger {
  return { error: (message, context) => log.error(context, message) };
}

/** Writes one line per request: at `info`, or `debug` for the probes of `/healthz`, `/readyz`, `/metrics`. */
export function requestLogger(log: Logger): (line: RequestLine) => void {
  return (line) => {
    if (PROBE_ROUTES.has(line.route)) log.debug(line, 'request');
    else log.info(line, 'request');
  };
}
