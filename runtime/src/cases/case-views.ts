import type { CaseEventRow, CaseRow, TaskRow } from '../db/schema/index.ts';

/** A case as the API shows it: every column but the engine snapshot. */
export type CaseView = Omit<CaseRow, 'snapshot'>;

/** A task as the API shows it, with the time its statutory limit has left (see `taskViewOf`). */
export interface TaskView extends TaskRow {
  /**
   * Minutes the statutory limit (`dueAt`) has left: working minutes for working units, elapsed
   * minutes for `hour` / `calendarDay`; while the case is suspended, what the paused clock kept.
   * Null when the task has no statutory limit or is closed; negative when overdue (by how much).
   */
  minutesLeft: number | null;
  /** True while the case waits for a supplement: the task cannot be completed. */
  suspended: boolean;
}

/** An audit event as the API shows it, with the display name of the user who acted. */
export interface CaseEventView extends CaseEventRow {
  /** The acting user's display name; null for the system, an API key or an unknown user. */
  actorName: string | null;
}

/** The detail of one case (GET /cases/{id}). */
export interface CaseDetail {
  case: CaseView;
  definition: { key: string; version: number; name: string };
  tasks: TaskView[];
  /** The audit events, oldest first. */
  timeline: CaseEventView[];
  /** Nodes the case is at (the engine's `activeNodes` of its snapshot). */
  activeNodes: string[];
  /** The case-level clock: accepted at, promised total due at, its state and what it has left. */
  sla: {
    acceptedAt: Date | null;
    promisedDueAt: Date | null;
    slaState: CaseRow['slaState'];
    minutesLeft: number | null;
  };
}

/** A page of results with the total count. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Paging: `limit` (default 50, at most 500) rows from `offset` (default 0). */
export interface PageRequest {
  limit?: number;
  offset?: number;
}

/** `limit` and `offset` of a {@link PageRequest}, with defaults and bounds applied. */
export function pageOf(page: PageRequest | undefined): { limit: number; offset: number } {
  const limit = Math.min(500, Math.max(1, Math.trunc(page?.limit ?? 50)));
  const offset = Math.max(0, Math.trunc(page?.offset ?? 0));
  return { limit, offset };
}

/** The view of a case row. */
export function caseViewOf(row: CaseRow): CaseView {
  const { snapshot: _snapshot, ...view } = row;
  return view;
}
