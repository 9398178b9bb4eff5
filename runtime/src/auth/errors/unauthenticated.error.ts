import { TongbanError } from '../../errors/index.ts';

/**
 * The request carries no credentials (`unauthenticated`), or a bearer token that is unknown or
 * has expired (`invalid-token`), or an unknown API key (`invalid-api-key`). HTTP 401.
 */
export class UnauthenticatedError extends TongbanError {
  constructor(code: 'unauthenticated' | 'invalid-token' | 'invalid-api-key', message: string) {
    super(code, 401, message);
  }
}
