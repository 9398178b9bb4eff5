/**
 * An error answer of the Tongban API (`{ error: { code, message, details } }`), or a failure to
 * reach it (`code` `network-error`, `status` 0).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the API could not be reached. */
    readonly status: number,
    /** The API's stable kebab-case code, e.g. `task-not-open`. */
    readonly code: string,
    message: string,
    /** The API's details: the field named, diagnostics, ids. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Whether `error` is an {@link ApiError}, optionally with the given HTTP status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
