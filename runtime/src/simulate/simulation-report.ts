import { workingMinutesBetween } from '@tongban/engine';
import type { BusinessCalendar, WorkflowDefinition } from '@tongban/engine';
import type { ApiCaseDetail, ApiDepartment, ApiEscalation } from './api.types.ts';
import { distributionOf, type Distribution } from './distribution.ts';

/** Why the simulation loop ended. */
export type StopReason = 'allCompleted' | 'roundLimit' | 'stalled';

/** What the loop counted while it ran (not read back from the system). */
export interface RunFacts {
  seed: number;
  settings: Record<string, unknown>;
  rounds: number;
  stoppedBecause: StopReason;
  wallSeconds: number;
  clockStart: string;
  clockEnd: string;
  requests: number;
  conflicts: number;
  retries: number;
  /** Decisions and supplements the API refused with a 4xx other than 409, with the first messages. */
  refused: { count: number; examples: string[] };
  /** Timers fired by the clock moves, by kind (`taskAtRisk`, `taskBreach`, `caseAtRisk`). */
  timersFired: Record<string, number>;
  /** Clerks' decisions taken, by outcome. */
  decisions: Record<string, number>;
  /** Tasks a slow clerk left for some working days. */
  slowTasks: number;
  /** Supplements (补正) the applicants delivered. */
  supplements: number;
}

/** Per userTask node: how many tasks, how they ended, how long the completed ones took. */
export interface StepReport {
  nodeId: string;
  name: string;
  tasks: number;
  completed: number;
  /** Closed without a decision (a return left the block, or the case ended). */
  closed: number;
  open: number;
  /** Working days from creation to completion of the completed tasks. */
  workingDays: Distribution;
  /** Their sum: the working days cases spent waiting at this step. */
  totalWorkingDays: number;
}

/** Per department: its tasks and their statutory limits. */
export interface DepartmentReport {
  departmentId: string;
  name: string;
  tasks: number;
  /** Closed within the statutory limit (or without one). */
  met: number;
  /** Closed after the statutory limit passed. */
  breached: number;
  open: number;
  /** Open and past the statutory limit. */
  openOverdue: number;
}

/** A case the simulation did not bring to an end, and where it waits. */
export interface UnfinishedCase {
  caseId: string;
  status: string;
  openTasks: { nodeId: string; departmentId: string }[];
}

/** The report of one simulation run (printed as text, or as JSON with `--json`). */
export interface SimulationReport {
  workflow: { key: string; version: number; name: string };
  seed: number;
  settings: Record<string, unknown>;
  run: Omit<RunFacts, 'seed' | 'settings' | 'timersFired' | 'decisions' | 'slowTasks' | 'supplements'> & {
    /** Working days the virtual clock moved. */
    simulatedWorkingDays: number;
  };
  cases: {
    filed: number;
    /** Completed cases by their end event's `result`, and `unfinished`. */
    byResult: Record<string, number>;
    /** Working days from filing to completion, of completed cases: all, and by result. */
    workingDays: Distribution;
    workingDaysByResult: Record<string, Distribution>;
    /** Completed cases by whole working days from filing to completion: entry n counts those that took n to n+1. */
    workingDaysHistogram: number[];
    /** Up to 20 unfinished cases. */
    unfinished: UnfinishedCase[];
  };
  steps: StepReport[];
  departments: DepartmentReport[];
  escalations: {
    /** Escalation notices (one per supervising jurisdiction notified). */
    notices: number;
    /** Tasks escalated. */
    tasks: number;
    byJurisdiction: Record<string, number>;
  };
  timersFired: Record<string, number>;
  decisions: { byOutcome: Record<string, number>; slowTasks: number; supplements: number };
}

/** What {@link buildReport} reads. */
export interface ReportInput {
  definition: WorkflowDefinition & { version: number };
  calendar: BusinessCalendar;
  /** Final detail of every case the simulation filed. */
  cases: readonly ApiCaseDetail[];
  /** Escalation notices about those cases. */
  escalations: readonly ApiEscalation[];
  departments: readonly ApiDepartment[];
  facts: RunFacts;
}

const UNFINISHED = 'unfinished';
const MAX_UNFINISHED_LISTED = 20;

/**
 * Minutes in one working day of `calendar`: the length of its working periods (7 h = 420 min on
 * `cn-mainland`, 09:00–12:00 and 13:00–17:00).
 *
 * Pure: performs no I/O.
 */
export function workingDayMinutes(calendar: BusinessCalendar): number {
  const minutes = (time: string) => {
    const [h, m] = time.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  return calendar.workingHours.reduce((sum, period) => sum + minutes(period.end) - minutes(period.start), 0);
}

/**
 * The working days between two instants on `calendar` (`workingMinutesBetween` over the minutes
 * of a working day).
 *
 * Pure: performs no I/O.
 */
export function workingDaysBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return workingMinutesBetween(calendar, from, to).minutes / workingDayMinutes(calendar);
}

/**
 * The report of a run, computed from what the API answered at its end (the final detail of every
 * case and the escalation notices) and the facts the loop counted: cases by result; median and
 * p95 working days per case and per step (node), measured on the workflow's calendar from each
 * task's `createdAt` to its `completedAt`; statutory limits met and breached per department (the
 * tasks' `slaState`); escalations.
 *
 * Pure: performs no I/O.
 */
export function buildReport(input: ReportInput): SimulationReport {
  const { definition, calendar, facts } = input;
  const days = (from: string, to: string) => workingDaysBetween(calendar, new Date(from), new Date(to));

  const byResult: Record<string, number> = {};
  const caseDays: number[] = [];
  const caseDaysByResult = new Map<string, number[]>();
  const unfinished: UnfinishedCase[] = [];
  for (const { case: c, tasks } of input.cases) {
    const result = c.status === 'completed' ? (c.result ?? 'completed') : UNFINISHED;
    byResult[result] = (byResult[result] ?? 0) + 1;
    if (c.status === 'completed' && c.completedAt) {
      const d = days(c.createdAt, c.completedAt);
      caseDays.push(d);
      caseDaysByResult.set(result, [...(caseDaysByResult.get(result) ?? []), d]);
    } else if (unfinished.length < MAX_UNFINISHED_LISTED) {
      unfinished.push({
        caseId: c.id,
        status: c.status,
        openTasks: tasks.filter(isOpen).map((t) => ({ nodeId: t.nodeId, departmentId: t.departmentId })),
      });
    }
  }

  const allTasks = input.cases.flatMap((detail) => detail.tasks);
  const steps: StepReport[] = definition.nodes
    .filter((node) => node.type === 'userTask')
    .map((node) => {
      const ofNode = allTasks.filter((t) => t.nodeId === node.id);
      const completed = ofNode.filter((t) => t.status === 'completed' && t.completedAt !== null);
      const durations = completed.map((t) => days(t.createdAt, t.completedAt as string));
      return {
        nodeId: node.id,
        name: node.name,
        tasks: ofNode.length,
        completed: completed.length,
        closed: ofNode.filter((t) => t.status === 'closed').length,
        open: ofNode.filter(isOpen).length,
        workingDays: distributionOf(durations),
        totalWorkingDays: Number(durations.reduce((sum, d) => sum + d, 0).toFixed(2)),
      };
    });

  const names = new Map(input.departments.map((d) => [d.id, d.name]));
  const departmentIds = [...new Set(allTasks.map((t) => t.departmentId))].sort();
  const departments: DepartmentReport[] = departmentIds.map((departmentId) => {
    const ofDepartment = allTasks.filter((t) => t.departmentId === departmentId);
    return {
      departmentId,
      name: names.get(departmentId) ?? departmentId,
      tasks: ofDepartment.length,
      met: ofDepartment.filter((t) => !isOpen(t) && t.slaState === 'met').length,
      breached: ofDepartment.filter((t) => !isOpen(t) && t.slaState === 'breached').length,
      open: ofDepartment.filter(isOpen).length,
      openOverdue: ofDepartment.filter((t) => isOpen(t) && t.slaState === 'overdue').length,
    };
  });

  const byJurisdiction: Record<string, number> = {};
  for (const notice of input.escalations) {
    const key = notice.jurisdictionId ?? 'none';
    byJurisdiction[key] = (byJurisdiction[key] ?? 0) + 1;
  }

  return {
    workflow: { key: definition.key, version: definition.version, name: definition.name },
    seed: facts.seed,
    settings: facts.settings,
    run: {
      rounds: facts.rounds,
      stoppedBecause: facts.stoppedBecause,
      wallSeconds: facts.wallSeconds,
      clockStart: facts.clockStart,
      clockEnd: facts.clockEnd,
      simulatedWorkingDays: Number(days(facts.clockStart, facts.clockEnd).toFixed(2)),
      requests: facts.requests,
      conflicts: facts.conflicts,
      retries: facts.retries,
      refused: facts.refused,
    },
    cases: {
      filed: input.cases.length,
      byResult: sortedRecord(byResult),
      workingDays: distributionOf(caseDays),
      workingDaysByResult: Object.fromEntries([...caseDaysByResult].sort(([a], [b]) => a.localeCompare(b)).map(([r, d]) => [r, distributionOf(d)])),
      workingDaysHistogram: histogramOf(caseDays),
      unfinished,
    },
    steps,
    departments,
    escalations: {
      notices: input.escalations.length,
      tasks: new Set(input.escalations.map((n) => n.taskId).filter((id) => id !== null)).size,
      byJurisdiction: sortedRecord(byJurisdiction),
    },
    timersFired: sortedRecord(facts.timersFired),
    decisions: { byOutcome: sortedRecord(facts.decisions), slowTasks: facts.slowTasks, supplements: facts.supplements },
  };
}

/** Counts of `values` by whole units: entry n counts the values in [n, n+1). */
function histogramOf(values: readonly number[]): number[] {
  const counts: number[] = [];
  for (const value of values) {
    const bucket = Math.max(0, Math.floor(value));
    while (counts.length <= bucket) counts.push(0);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
}

function isOpen(task: { status: string }): boolean {
  return task.status === 'open' || task.status === 'claimed';
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
