import { countDeadline } from '@tongban/engine';
import type { BusinessCalendar, CaseMigrationPlan, Duration, MigrationVersion, WorkflowNode } from '@tongban/engine';
import type { StoredDeadlineBasis, TaskRow, TimerKind, TimerRow } from '../db/schema/index.ts';
import { basisOf, firstBasis } from '../timers/deadline-basis.ts';
import type { TimerMigration } from './migration-report.ts';

/** One timer change of a migration, with what applying it needs. */
export interface TimerChange {
  report: TimerMigration;
  /** The live row it concerns (absent for one to arm). */
  previous?: TimerRow;
  /** For `recounted` and `armed`: the timer to arm. */
  next?: { owner: string; basis: StoredDeadlineBasis; dueAt: Date; provisional: boolean; nodeId?: string; engineTimerId?: string; unit?: Duration['unit'] };
  /** For a `kept` engine timer whose node was mapped: its new names. */
  rename?: { engineTimerId: string; nodeId: string };
}

const TASK_LIMITS: readonly { kind: TimerKind; limit: 'promised' | 'statutory' }[] = [
  { kind: 'taskAtRisk', limit: 'promised' },
  { kind: 'taskBreach', limit: 'statutory' },
];

function sameDuration(a: Duration | undefined, b: Duration | undefined): boolean {
  return a !== undefined && b !== undefined && a.amount === b.amount && a.unit === b.unit;
}

function limitOf(node: WorkflowNode | undefined, limit: 'promised' | 'statutory'): Duration | undefined {
  return node?.type === 'userTask' ? node.sla?.[limit] : undefined;
}

/** What moving the live timers of a case by `plan` does. */
interface TimerPlanInput {
  plan: CaseMigrationPlan;
  source: MigrationVersion;
  target: MigrationVersion;
  calendar: BusinessCalendar;
  /** The case's open task rows. */
  tasks: readonly TaskRow[];
  /** The case's live (pending or paused) timer rows. */
  timers: readonly TimerRow[];
}

/**
 * The change to each live timer of a case moved by `plan`: a task's limit (promised, statutory)
 * or the case's promised total is kept when the target's limit is the same, recounted from its
 * start on the case's calendar (extensions and suspensions included) when it changed, cancelled
 * when the target has none, and armed from the task's start when the target adds one; the
 * engine's timers (acceptance, timer event) follow the plan.
 *
 * Pure: performs no I/O.
 */
export function planTimerChanges({ plan, source, target, calendar, tasks, timers }: TimerPlanInput): TimerChange[] {
  const changes: TimerChange[] = [];
  const sourceNodes = new Map(source.definition.nodes.map((node) => [node.id, node]));
  const targetNodes = new Map(target.definition.nodes.map((node) => [node.id, node]));
  const recount = (previous: TimerRow, from: Date, limit: Duration, fallback: Duration | undefined): { basis: StoredDeadlineBasis; dueAt: Date; provisional: boolean } => {
    const basis: StoredDeadlineBasis = { ...(previous.basis ?? firstBasis(from, fallback ?? limit)), limit };
    const due = countDeadline(calendar, basisOf(basis));
    return { basis, dueAt: due.dueAt, provisional: due.provisional };
  };
  const report = (timer: TimerRow | undefined, kind: TimerKind, taskId: string | null, action: TimerMigration['action'], targetDueAt: Date | null): TimerMigration => ({
    timerId: timer?.id ?? null,
    kind,
    taskId,
    action,
    dueAt: timer?.dueAt?.toISOString() ?? null,
    targetDueAt: targetDueAt?.toISOString() ?? null,
  });

  for (const task of tasks) {
    const move = plan.nodes.find((node) => node.activationId === task.activationId);
    if (move === undefined) continue;
    const before = sourceNodes.get(task.nodeId);
    const after = targetNodes.get(move.targetNodeId);
    for (const { kind, limit } of TASK_LIMITS) {
      const was = limitOf(before, limit);
      const now = limitOf(after, limit);
      const live = timers.find((timer) => timer.taskId === task.id && timer.kind === kind);
      if (live === undefined) {
        if (now === undefined || was !== undefined) continue;
        const basis = firstBasis(task.createdAt, now);
        const due = countDeadline(calendar, basisOf(basis));
        changes.push({ report: report(undefined, kind, task.id, 'armed', due.dueAt), next: { owner: move.targetActivationId, basis, dueAt: due.dueAt, provisional: due.provisional } });
      } else if (now === undefined) {
        changes.push({ report: report(live, kind, task.id, 'cancelled', null), previous: live });
      } else if (sameDuration(was, now)) {
        changes.push({ report: report(live, kind, task.id, 'kept', live.dueAt), previous: live });
      } else {
        const next = recount(live, task.createdAt, now, was);
        changes.push({ report: report(live, kind, task.id, 'recounted', next.dueAt), previous: live, next: { owner: move.targetActivationId, ...next } });
      }
    }
  }

  for (const timer of plan.timers) {
    const live = timers.find((row) => row.engineTimerId === timer.timerId);
    if (live === undefined) continue;
    const kind = live.kind;
    if (timer.action === 'cancelled' || timer.targetTimerId === null || timer.duration === undefined) {
      changes.push({ report: report(live, kind, null, 'cancelled', null), previous: live });
    } else if (timer.action === 'kept') {
      const renamed = timer.targetTimerId !== timer.timerId;
      changes.push({
        report: report(live, kind, null, 'kept', live.dueAt),
        previous: live,
        ...(renamed ? { rename: { engineTimerId: timer.targetTimerId, nodeId: timer.targetNodeId } } : {}),
      });
    } else {
      const duration = timer.duration as Duration;
      const next = recount(live, live.createdAt, duration, undefined);
      changes.push({
        report: report(live, kind, null, 'recounted', next.dueAt),
        previous: live,
        next: { owner: timer.targetTimerId, nodeId: timer.targetNodeId, engineTimerId: timer.targetTimerId, unit: duration.unit, ...next },
      });
    }
  }

  const caseTimer = timers.find((timer) => timer.kind === 'caseAtRisk');
  const promisedBefore = source.definition.promisedSla;
  const promisedAfter = target.definition.promisedSla;
  if (caseTimer !== undefined) {
    if (promisedAfter === undefined) changes.push({ report: report(caseTimer, 'caseAtRisk', null, 'cancelled', null), previous: caseTimer });
    else if (sameDuration(promisedBefore, promisedAfter)) changes.push({ report: report(caseTimer, 'caseAtRisk', null, 'kept', caseTimer.dueAt), previous: caseTimer });
    else {
      const next = recount(caseTimer, caseTimer.createdAt, promisedAfter, promisedBefore);
      changes.push({ report: report(caseTimer, 'caseAtRisk', null, 'recounted', next.dueAt), previous: caseTimer, next: { owner: 'case', ...next } });
    }
  }
  return changes;
}
