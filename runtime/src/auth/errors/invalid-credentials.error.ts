import { TongbanError } from '../../errors/index.ts';

/**
 * A login with an unknown username or a wrong password: one message for both, so the answer does
 * not tell which usernames exist. HTTP 401.
 */
export class InvalidCredentialsError extends TongbanError {
  constructor() {
    super('invalid-credentials', 401, 'The username or the password is wrong');
  }
}
