import { TongbanError } from './tongban-error.ts';

/** Details of an {@link InvalidInputError}: the field at fault and why. */
export interface InvalidInputDetails {
  field: string;
  reason: string;
  [key: string]: unknown;
}

/** Input that fails validation; `details.field` names the field. HTTP 400. */
export class InvalidInputError extends TongbanError {
  declare readonly details: InvalidInputDetails;

  constructor(code: string, message: string, details: InvalidInputDetails) {
    super(code, 400, message, details);
  }
}
