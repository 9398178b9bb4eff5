import type { UserTask } from '@tongban/engine';
import type { CasePaths, CasePoint } from './case-paths.ts';
import type { DepartmentWork, ForecastWorkflow, OpenCaseState } from './forecast.types.ts';

/** A task in one run. */
export interface RunTask {
  taskId: string;
  nodeId: string;
  /** Its node among the workflow's userTasks; undefined when the workflow has none of that id. */
  node: UserTask | undefined;
  departmentId: string | undefined;
  /** How its department works; undefined when no department of the forecast takes it. */
  department: DepartmentWork | undefined;
  /** The day's queue of its department; undefined when no department of the forecast takes it. */
  queue: RunTask[] | undefined;
  dueAt: number | undefined;
  /** First working day of the horizon on which a clerk takes it up. */
  readyDay: number;
  /** Index in the answer's task list for a task open now; −1 for one opened within the horizon. */
  origin: number;
  /** Its statutory `slaBreach` event was sent. */
  signalled: boolean;
  openedAt: number;
  /** Tie-break among equal limits: the case's place, then the task's. */
  order: number;
  owner: RunCase;
}

/**
 * A case in one run: made once per forecast and set back to the case as it is now before each run,
 * so that a run allocates little beyond the tasks it opens.
 */
export interface RunCase {
  state: OpenCaseState;
  workflow: ForecastWorkflow;
  paths: CasePaths;
  /** Nodes whose statutory limit an SLA edge watches. */
  watching: ReadonlySet<string>;
  /** Its state now, where each run starts. */
  root: CasePoint;
  point: CasePoint;
  /** Its tasks open now, set back before each run. */
  open: RunTask[];
  /**
   * Its open tasks in the order they opened; a closed one leaves a hole (undefined) until the run
   * ends, so that a pass over them sees what a pass over an insertion-ordered map would: tasks
   * opened meanwhile, not those closed meanwhile.
   */
  tasks: (RunTask | undefined)[];
  suspension: 'supplement' | 'other' | undefined;
  suspendedSince: number;
  resumeDay: number;
  /** Completed, or refused by the engine (it stays as it is). */
  halted: boolean;
  /** Nodes that returned the case or sent it round a loop. */
  looped: string[];
  /** Nodes that asked it for a supplement. */
  supplemented: string[];
  timers: { timerId: string; nodeId: string; at: number }[];
  /** Its place among the cases, and tasks it has opened so far (for {@link RunTask.order}). */
  index: number;
  opened: number;
  /** The forms its clerks filled, by node id and outcome. */
  forms: Map<string, Map<string, Record<string, unknown>>>;
}

/** The place of open task `taskId` among `c`'s tasks; −1 when it is not open. */
function placeOf(c: RunCase, taskId: string): number {
  const { tasks } = c;
  for (let i = 0; i < tasks.length; i += 1) if (tasks[i]?.taskId === taskId) return i;
  return -1;
}

/** Whether `c` has an open task `taskId`. */
export function hasTask(c: RunCase, taskId: string): boolean {
  return placeOf(c, taskId) >= 0;
}

/** Opens `task` in `c`, in place of an open task of the same id if there is one. */
export function openTask(c: RunCase, task: RunTask): void {
  const place = placeOf(c, task.taskId);
  if (place >= 0) c.tasks[place] = task;
  else c.tasks.push(task);
}

/** Closes open task `taskId` of `c`; the task closed, or undefined when it was not open. */
export function closeTask(c: RunCase, taskId: string): RunTask | undefined {
  const place = placeOf(c, taskId);
  if (place < 0) return undefined;
  const task = c.tasks[place];
  c.tasks[place] = undefined;
  return task;
}
