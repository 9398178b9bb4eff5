import type { CurrentUser } from '../api/api.types.ts';

/** Whether `user` files applications in the console: a user of a `service-hall` department, or an admin. Pure. */
export function canFileCases(user: Pick<CurrentUser, 'roles' | 'department'>): boolean {
  return user.department.kind === 'service-hall' || user.roles.includes('admin');
}
