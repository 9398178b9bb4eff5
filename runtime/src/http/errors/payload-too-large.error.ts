import { TongbanError } from '../../errors/index.ts';

/** A request body larger than the limit. HTTP 413. */
export class PayloadTooLargeError extends TongbanError {
  /** @param maxBytes - The limit, in bytes. */
  constructor(maxBytes: number) {
    super('payload-too-large', 413, `The request body is larger than the limit of ${maxBytes} bytes`, { maxBytes });
  }
}
