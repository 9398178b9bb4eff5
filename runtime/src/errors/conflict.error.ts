import { TongbanError } from './tongban-error.ts';

/**
 * The record is not in a state that allows the action, e.g. code `task-not-open` when a task was
 * completed meanwhile, `task-claimed` when someone else holds it, `case-suspended`. HTTP 409.
 */
export class ConflictError extends TongbanError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 409, message, details);
  }
}
