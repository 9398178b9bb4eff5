/**
 * Who is asking. The HTTP layer builds it from the bearer token; services enforce access with it.
 * `apiKey` viewers (the citizen portal) may only create cases and supply supplements.
 */
export interface Viewer {
  kind: 'user' | 'apiKey';
  userId?: string;
  /** For an `apiKey` viewer: a stable id of the key (not the key itself). */
  apiKeyId?: string;
  username?: string;
  departmentId?: string;
  departmentKind?: string;
  jurisdictionId?: string;
  roles: string[];
}

/** True when the viewer holds `role`. */
export function hasRole(viewer: Viewer, role: string): boolean {
  return viewer.roles.includes(role);
}

/**
 * True when the viewer sees a whole jurisdiction subtree (managers, supervisors), or every
 * jurisdiction (admins: see `scopeJurisdictionIds`).
 */
export function seesJurisdiction(viewer: Viewer): boolean {
  return viewer.kind === 'user' && ['manager', 'supervisor', 'admin'].some((role) => viewer.roles.includes(role));
}

/**
 * True when the viewer is an administrator: reads every task and case in every jurisdiction and
 * performs administrative operations, but never decides a task (DESIGN.md §5).
 */
export function isAdmin(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.roles.includes('admin');
}
