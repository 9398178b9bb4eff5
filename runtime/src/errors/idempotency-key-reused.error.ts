import { TongbanError } from './tongban-error.ts';

/**
 * The caller sent an `Idempotency-Key` it already used for a different application. HTTP 422,
 * code `idempotency-key-reused`; details name the header.
 */
export class IdempotencyKeyReusedError extends TongbanError {
  constructor(key: string) {
    super(
      'idempotency-key-reused',
      422,
      `Idempotency-Key '${key}' was already used for a different application`,
      { header: 'Idempotency-Key', reason: 'reused with a different body' },
    );
  }
}
