import { TongbanError } from './tongban-error.ts';

/** The viewer may not see or act on the record (e.g. a clerk of another department). HTTP 403. */
export class ForbiddenError extends TongbanError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 403, message, details);
  }
}
