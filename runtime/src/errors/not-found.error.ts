import { TongbanError } from './tongban-error.ts';

/** A case, task, definition or other record that does not exist (or is not visible). HTTP 404. */
export class NotFoundError extends TongbanError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 404, message, details);
  }
}
