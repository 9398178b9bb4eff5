import type { CurrentUser, Task } from '../api/api.types.ts';

/**
 * Whether `user` may claim and decide `task`: a user of the task's department holding its
 * candidate role. The `admin` role reads every task but decides none: deciding is a legal act of
 * the competent department (行政许可法), and the API answers an admin 403 `admin-does-not-decide`.
 * Pure.
 */
export function mayDecideTask(user: Pick<CurrentUser, 'roles' | 'department'> | null, task: Pick<Task, 'departmentId' | 'candidateRole'>): boolean {
  return user !== null && user.department.id === task.departmentId && task.candidateRole !== 'admin' && user.roles.includes(task.candidateRole);
}
