/** The path of a task's workbench: its case view with the task opened. Pure. */
export function taskPath(task: { id: string; caseId: string }): string {
  return `/cases/${encodeURIComponent(task.caseId)}?task=${encodeURIComponent(task.id)}`;
}

/** The path of a case view. Pure. */
export function casePath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}
