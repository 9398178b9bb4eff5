import type { Role } from '../api/api.types.ts';

/** The console's top-level areas. */
export type Area = 'design' | 'tasks' | 'monitor' | 'calendars';

/** Areas in navigation order, with their paths. */
export const areaPaths: Readonly<Record<Area, string>> = {
  design: '/design',
  tasks: '/tasks',
  monitor: '/monitor',
  calendars: '/calendars',
};

const areasOfRole: Readonly<Record<Role, readonly Area[]>> = {
  designer: ['design', 'calendars'],
  clerk: ['tasks'],
  manager: ['monitor', 'calendars'],
  supervisor: ['monitor', 'calendars'],
  admin: ['design', 'tasks', 'monitor', 'calendars'],
};

/**
 * The areas a user with `roles` may open, in navigation order: designer → Design, clerk → Tasks,
 * manager and supervisor → Monitor; the business calendars (which deadlines count on, read-only)
 * to designers, managers and supervisors too; admin → all, and only admins change calendars. Pure.
 */
export function areasForRoles(roles: readonly string[]): Area[] {
  const allowed = new Set<Area>();
  for (const role of roles) {
    for (const area of areasOfRole[role as Role] ?? []) allowed.add(area);
  }
  return (Object.keys(areaPaths) as Area[]).filter((area) => allowed.has(area));
}
