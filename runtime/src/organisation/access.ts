import { ForbiddenError } from '../errors/index.ts';
import type { Organisation } from './organisation.ts';
import { isAdmin, seesJurisdiction, type Viewer } from './viewer.ts';

/** Kind of the department whose clerks take applications at the window (综合受理窗口). */
export const INTAKE_KIND = 'service-hall';

/**
 * The jurisdictions whose cases `viewer` oversees (DESIGN.md §5): an admin every jurisdiction; a
 * manager or supervisor their jurisdiction's subtree; undefined for anyone else (a clerk sees
 * through their department, an API key nothing).
 */
export function scopeJurisdictionIds(viewer: Viewer, organisation: Organisation): string[] | undefined {
  if (isAdmin(viewer)) return organisation.jurisdictionIds();
  if (seesJurisdiction(viewer) && viewer.jurisdictionId) return organisation.subtree(viewer.jurisdictionId);
  return undefined;
}

/**
 * The departments whose tasks `viewer` sees (DESIGN.md §5): a clerk their own department; a
 * manager or supervisor every department of their jurisdiction's subtree; an admin every
 * department; an API key none.
 */
export function visibleDepartmentIds(viewer: Viewer, organisation: Organisation): string[] {
  if (viewer.kind !== 'user') return [];
  if (isAdmin(viewer)) return organisation.departmentIds();
  if (seesJurisdiction(viewer) && viewer.jurisdictionId) return organisation.departmentsWithin(viewer.jurisdictionId).map((d) => d.id);
  return viewer.departmentId ? [viewer.departmentId] : [];
}

/** What a user does to a task, as the refusal names it. */
export type TaskAct =
  | 'claim'
  | 'complete'
  | 'request an extension of'
  | 'approve the extension of'
  | 'refuse the extension of'
  | 'suspend the case through'
  | 'unclaim'
  | 'transfer'
  | 'delegate'
  | 'resolve'
  | 'comment on'
  | 'copy'
  | 'add signers to';

/**
 * Checks that `viewer` may `act` on a task of `departmentId` that needs `candidateRole`: a user of
 * that department holding the role. Deciding a task is a legal act of the competent department
 * (行政许可法), so the `admin` role never grants it.
 * @throws ForbiddenError `admin-does-not-decide` for an admin, `task-forbidden` for anyone else.
 */
export function assertMayActOnTask(viewer: Viewer, task: { id: string; departmentId: string; candidateRole: string }, act: TaskAct): void {
  const clerk = viewer.kind === 'user' && viewer.departmentId === task.departmentId && task.candidateRole !== 'admin' && viewer.roles.includes(task.candidateRole);
  if (clerk) return;
  if (isAdmin(viewer)) throw adminDoesNotDecide(viewer, task, act, `a user of that department with role '${task.candidateRole}'`);
  throw new ForbiddenError(
    'task-forbidden',
    `Task '${task.id}' belongs to department '${task.departmentId}' (role '${task.candidateRole}'); ${describe(viewer)} may not ${act} it`,
    { taskId: task.id, departmentId: task.departmentId },
  );
}

/**
 * The refusal of an admin's decision on a task: the admin reads every task, but deciding one is a
 * legal act of the competent department (行政许可法), done by `whoMay`.
 */
export function adminDoesNotDecide(viewer: Viewer, task: { id: string; departmentId: string }, act: TaskAct, whoMay: string): ForbiddenError {
  return new ForbiddenError(
    'admin-does-not-decide',
    `${capitalised(describe(viewer))} is an administrator and may not ${act} task '${task.id}': deciding a task is a legal act of the competent department '${task.departmentId}' (行政许可法), done by ${whoMay}`,
    { taskId: task.id, departmentId: task.departmentId, act },
  );
}

/**
 * Checks that `viewer` may file an application or a supplement in `jurisdictionId`: the citizen
 * portal (an API key), an admin, or a clerk of a service hall whose jurisdiction's subtree holds it.
 * @throws ForbiddenError `intake-forbidden`.
 */
export function assertMayFile(viewer: Viewer, organisation: Organisation, jurisdictionId: string): void {
  if (viewer.kind === 'apiKey' || viewer.roles.includes('admin')) return;
  const department = viewer.departmentId ? organisation.department(viewer.departmentId) : undefined;
  if (
    department?.kind === INTAKE_KIND &&
    viewer.roles.includes('clerk') &&
    organisation.subtree(department.jurisdictionId).includes(jurisdictionId)
  ) {
    return;
  }
  throw new ForbiddenError(
    'intake-forbidden',
    `${describe(viewer)} may not file for jurisdiction '${jurisdictionId}': only the portal or a service-hall clerk there may`,
    { jurisdictionId },
  );
}

/**
 * Checks that `viewer` manages cases filed in `jurisdictionId`: a manager whose jurisdiction's
 * subtree holds it, or an admin.
 * @throws ForbiddenError `case-forbidden`.
 */
export function assertManagesCase(viewer: Viewer, organisation: Organisation, caseId: string, jurisdictionId: string): void {
  if (isAdmin(viewer)) return;
  const manages = viewer.kind === 'user' && viewer.roles.includes('manager');
  if (manages && viewer.jurisdictionId && organisation.subtree(viewer.jurisdictionId).includes(jurisdictionId)) return;
  throw new ForbiddenError(
    'case-forbidden',
    `${describe(viewer)} may not act on case '${caseId}' filed in '${jurisdictionId}': a manager or admin there, or the clerk of its task, may`,
    { caseId, jurisdictionId },
  );
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `user 'huangpu.market'`, or `an API key`, for messages. */
export function describe(viewer: Viewer): string {
  return viewer.kind === 'apiKey' ? 'an API key' : `user '${viewer.username ?? viewer.userId ?? '?'}'`;
}
