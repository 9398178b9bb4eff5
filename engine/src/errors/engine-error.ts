/**
 * The base of every error the engine throws. Each subclass fixes a stable kebab-case `code` that
 * hosts map to responses (the runtime turns most of them into 409 or 400), and a message that
 * quotes the ids involved.
 */
export abstract class EngineError extends Error {
  /** Stable kebab-case identifier of the error kind, e.g. `task-not-active`. */
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * Whether `error` is an engine error, optionally of one `code`.
 *
 * Checks the shape rather than the prototype, so it also holds across bundles.
 */
export function isEngineError(error: unknown, code?: string): error is EngineError {
  if (!(error instanceof Error)) return false;
  const found = (error as { code?: unknown }).code;
  return typeof found === 'string' && (code === undefined || found === code);
}
