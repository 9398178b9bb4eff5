import { ForbiddenError } from '../errors/index.ts';
import type { Organisation } from './organisation.ts';
import { seesJurisdiction, type Viewer } from './viewer.ts';

/** Kind of the department whose clerks take applications at the window (综合受理窗口). */
export const INTAKE_KIND = 'service-hall';

/**
 * The departments whose tasks `viewer` sees (DESIGN.md §5): a clerk their own department; a
 * manager, supervisor or admin every department of their jurisdiction's subtree; an API key none.
 */
export function visibleDepartmentIds(viewer: Viewer, organisation: Organisation): string[] {
  if (viewer.kind !== 'user') return [];
  if (seesJurisdiction(viewer) && viewer.jurisdictionId) {
    return organisation.departmentsWithin(viewer.jurisdictionId).map((d) => d.id);
  }
  return viewer.departmentId ? [viewer.departmentId] : [];
}

/**
 * Checks that `viewer` may act on a task of `departmentId` that needs `candidateRole`: a user of
 * that department holding the role.
 * @throws ForbiddenError `task-forbidden`.
 */
export function assertMayActOnTask(viewer: Viewer, task: { id: string; departmentId: string; candidateRole: string }): void {
  if (viewer.kind === 'user' && viewer.departmentId === task.departmentId && viewer.roles.includes(task.candidateRole)) return;
  throw new ForbiddenError(
    'task-forbidden',
    `Task '${task.id}' belongs to department '${task.departmentId}' (role '${task.candidateRole}'); ${describe(viewer)} may not act on it`,
    { taskId: task.id, departmentId: task.departmentId },
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
 * Checks that `viewer` manages cases filed in `jurisdictionId`: a manager or admin whose
 * jurisdiction's subtree holds it.
 * @throws ForbiddenError `case-forbidden`.
 */
export function assertManagesCase(viewer: Viewer, organisation: Organisation, caseId: string, jurisdictionId: string): void {
  const manages = viewer.kind === 'user' && ['manager', 'admin'].some((role) => viewer.roles.includes(role));
  if (manages && viewer.jurisdictionId && organisation.subtree(viewer.jurisdictionId).includes(jurisdictionId)) return;
  throw new ForbiddenError(
    'case-forbidden',
    `${describe(viewer)} may not act on case '${caseId}' filed in '${jurisdictionId}': a manager or admin there, or the clerk of its task, may`,
    { caseId, jurisdictionId },
  );
}

/** `user 'huangpu.market'`, or `an API key`, for messages. */
export function describe(viewer: Viewer): string {
  return viewer.kind === 'apiKey' ? 'an API key' : `user '${viewer.username ?? viewer.userId ?? '?'}'`;
}
