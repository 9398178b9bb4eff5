import { TongbanError } from './tongban-error.ts';

/**
 * The same caller did this too recently, e.g. code `urge-too-soon`; `details.retryAfterSeconds`
 * says when it may again. HTTP 429.
 */
export class RateLimitedError extends TongbanError {
  constructor(code: string, message: string, details: { retryAfterSeconds: number; [key: string]: unknown }) {
    super(code, 429, message, details);
  }
}
