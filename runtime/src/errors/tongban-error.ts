/**
 * The base of every error Tongban raises on purpose. `code` is stable and kebab-case; `status` is
 * the HTTP status the API answers with; `details` carries structured context (the field, the
 * diagnostics, the ids involved).
 */
export class TongbanError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    if (details !== undefined) this.details = details;
  }
}

/** True when `error` is a {@link TongbanError}. */
export function isTongbanError(error: unknown): error is TongbanError {
  return error instanceof TongbanError;
}
