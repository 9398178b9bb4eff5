import type { CaseContext, OpenTask, PersistedCaseSnapshot } from '@tongban/engine';
import type { CaseRow, ServiceInvocationRow, TaskRow, TimerRow } from '../db/schema/index.ts';

/** What the checker reads of one open case: its row, and every row that hangs from it. */
export interface CaseFacts {
  case: Pick<CaseRow, 'id' | 'status' | 'snapshot'>;
  /** The open tasks its snapshot names (the engine's `openTasks` on its pinned definition). */
  snapshotTasks: readonly OpenTask[];
  tasks: readonly Pick<TaskRow, 'id' | 'activationId' | 'nodeId' | 'status' | 'dueAt' | 'atRiskAt' | 'signing'>[];
  timers: readonly Pick<TimerRow, 'id' | 'taskId' | 'engineTimerId' | 'kind' | 'status'>[];
  invocations: readonly Pick<ServiceInvocationRow, 'activationId' | 'status'>[];
  /** Its audit trail: the type of each event and the task row it names. */
  events: readonly { type: string; taskId: string | null }[];
}

/** One disagreement between an open case's snapshot and its rows. */
export interface CaseFinding {
  caseId: string;
  /** Stable kebab-case name of the rule broken, e.g. `task-missing`. */
  rule: string;
  message: string;
}

const OPEN_TASK = new Set<string>(['open', 'claimed']);
const LIVE_TIMER = new Set<string>(['pending', 'paused']);

/**
 * Checks that an open case's snapshot agrees with its open tasks, its pending timers, its service
 * invocations and its audit trail:
 *
 * - `case-status`: the row says open (`active`, `suspended`) and the snapshot has not ended, and
 *   `suspended` exactly when the snapshot holds a suspension;
 * - `task-missing` / `task-not-in-snapshot`: every task the snapshot holds open has an open task
 *   row, and every open task row is held open by the snapshot (an added signer's task, which the
 *   engine does not know, through the open task it holds);
 * - `task-timer-missing`: an open task with a statutory (promised) limit has its breach (at-risk)
 *   timer, pending, paused or fired;
 * - `timer-of-closed-task`: no pending or paused timer belongs to a task no longer open;
 * - `engine-timer-missing` / `engine-timer-not-in-snapshot`: every timer the snapshot holds has a
 *   pending or paused row, and every such row of a timer the engine asked for is in the snapshot;
 * - `service-invocation-missing`: every service the snapshot waits for has its invocation row;
 * - `audit-missing` / `audit-doubled`: the case has one `case.created` event, each task row one
 *   `task.created` event and each closed task row one `task.closed` event.
 *
 * Pure: performs no I/O.
 */
export function checkCase(facts: CaseFacts): CaseFinding[] {
  const findings: CaseFinding[] = [];
  const caseId = facts.case.id;
  const find = (rule: string, message: string) => findings.push({ caseId, rule, message });
  const snapshot = facts.case.snapshot as PersistedCaseSnapshot;
  const context = snapshot.context as CaseContext;

  if (snapshot.status === 'done') find('case-status', `The case is ${facts.case.status} but its snapshot has ended`);
  const suspended = context.suspension !== null && context.suspension !== undefined;
  if (suspended !== (facts.case.status === 'suspended')) {
    find('case-status', `The case is ${facts.case.status} but its snapshot ${suspended ? 'holds' : 'holds no'} suspension`);
  }

  const taskByActivation = new Map(facts.tasks.map((task) => [task.activationId, task]));
  const heldOpen = new Set(facts.snapshotTasks.map((task) => task.taskId));
  for (const { taskId, nodeId } of facts.snapshotTasks) {
    const row = taskByActivation.get(taskId);
    if (row === undefined) find('task-missing', `The snapshot holds task ${taskId} of node '${nodeId}' open, and no task row has that activation`);
    else if (!OPEN_TASK.has(row.status)) find('task-missing', `The snapshot holds task ${taskId} of node '${nodeId}' open, and its row ${row.id} is ${row.status}`);
  }
  const openRows = facts.tasks.filter((task) => OPEN_TASK.has(task.status));
  for (const row of openRows) {
    if (row.signing?.role === 'signer') {
      const { parentTaskId } = row.signing;
      const parent = openRows.find((candidate) => candidate.id === parentTaskId);
      if (parent === undefined || !heldOpen.has(parent.activationId)) {
        find('task-not-in-snapshot', `Task row ${row.id} (${row.activationId}) is an added signer's, ${row.status}, and the snapshot does not hold the task it signs for (${parentTaskId}) open`);
      }
    } else if (!heldOpen.has(row.activationId)) {
      find('task-not-in-snapshot', `Task row ${row.id} (${row.activationId}) is ${row.status}, and the snapshot does not hold it open`);
    }
  }

  for (const row of openRows) {
    for (const [limit, kind] of [
      [row.dueAt, 'taskBreach'],
      [row.atRiskAt, 'taskAtRisk'],
    ] as const) {
      if (limit === null) continue;
      const timer = facts.timers.find((t) => t.taskId === row.id && t.kind === kind && t.status !== 'cancelled');
      if (timer === undefined) find('task-timer-missing', `Open task ${row.id} (${row.activationId}) has a limit and no ${kind} timer that is pending, paused or fired`);
    }
  }
  const openIds = new Set(openRows.map((row) => row.id));
  const liveTimers = facts.timers.filter((timer) => LIVE_TIMER.has(timer.status));
  for (const timer of liveTimers) {
    if (timer.taskId !== null && !openIds.has(timer.taskId)) find('timer-of-closed-task', `Timer ${timer.id} (${timer.kind}) is ${timer.status}, and its task ${timer.taskId} is not open`);
  }

  const engineTimers = Object.keys(context.timers ?? {});
  for (const engineTimerId of engineTimers) {
    if (!liveTimers.some((timer) => timer.engineTimerId === engineTimerId)) {
      find('engine-timer-missing', `The snapshot holds timer ${engineTimerId}, and no timer row for it is pending or paused`);
    }
  }
  for (const timer of liveTimers) {
    if (timer.engineTimerId !== null && !engineTimers.includes(timer.engineTimerId)) {
      find('engine-timer-not-in-snapshot', `Timer ${timer.id} (${timer.engineTimerId}) is ${timer.status}, and the snapshot does not hold it`);
    }
  }

  for (const [nodeId, service] of Object.entries(context.services ?? {})) {
    if (!facts.invocations.some((invocation) => invocation.activationId === service.serviceId && invocation.status !== 'cancelled')) {
      find('service-invocation-missing', `The snapshot waits for service ${service.serviceId} of node '${nodeId}', and it has no invocation row`);
    }
  }

  const count = (type: string, taskId: string | null = null) => facts.events.filter((event) => event.type === type && (taskId === null || event.taskId === taskId)).length;
  const audited = (what: string, n: number) => {
    if (n === 0) find('audit-missing', `The audit trail has no ${what}`);
    else if (n > 1) find('audit-doubled', `The audit trail has ${what} ${n} times`);
  };
  audited("'case.created'", count('case.created'));
  for (const row of facts.tasks) {
    audited(`'task.created' of task ${row.id} (${row.activationId})`, count('task.created', row.id));
    if (!OPEN_TASK.has(row.status)) audited(`'task.closed' of ${row.status} task ${row.id} (${row.activationId})`, count('task.closed', row.id));
  }
  return findings;
}
