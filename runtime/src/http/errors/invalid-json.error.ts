import { TongbanError } from '../../errors/index.ts';

/** A request body that does not parse as JSON (or is not UTF-8). HTTP 400. */
export class InvalidJsonError extends TongbanError {
  /** @param reason - What the parser reported. */
  constructor(reason: string) {
    super('invalid-json', 400, `The request body is not valid JSON: ${reason}`, { reason });
  }
}
