/**
 * A role that cannot start as asked (a missing setting, a database not migrated, a flag the role
 * refuses); the message names the setting or the command that fixes it.
 */
export class RoleError extends Error {
  /** Stable kebab-case identifier, e.g. `migrations-pending`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'RoleError';
    this.code = code;
  }
}
