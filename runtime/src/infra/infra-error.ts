/**
 * A failure to provide a local service (PostgreSQL, Redis) that the operator can act on; the message
 * says what to do.
 */
export class InfraError extends Error {
  /** Stable kebab-case identifier, e.g. `redis-not-installed`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfraError';
    this.code = code;
  }
}
