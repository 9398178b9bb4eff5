import { TongbanError } from './tongban-error.ts';

/**
 * The service cannot answer this now, e.g. code `forecast-busy` (as many forecasts are computing
 * as the runtime allows) or `forecast-budget-exceeded`; nothing was changed. HTTP 503, with
 * `Retry-After` when `retryAfterSeconds` says when the same request may be sent again.
 */
export class ServiceUnavailableError extends TongbanError {
  constructor(
    code: string,
    message: string,
    details: Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, 503, message, retryAfterSeconds === undefined ? details : { ...details, retryAfterSeconds });
  }
}
