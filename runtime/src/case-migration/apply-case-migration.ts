import { eq } from 'drizzle-orm';
import type { CaseMigrationPlan, MigrationVersion, PersistedCaseSnapshot, UserTask } from '@tongban/engine';
import type { CaseUnit } from '../cases/case-unit.ts';
import { tasks, timers, type TaskRow } from '../db/schema/index.ts';
import { armTimers, nextGeneration } from '../timers/timer-book.ts';
import type { TaskMigration } from './migration-report.ts';
import type { TimerChange } from './plan-timer-changes.ts';

/**
 * What moving open task `task` does to its routing: the department the target node sends it to,
 * when that differs from the one it is with.
 */
export function reroutedDepartment(unit: Pick<CaseUnit, 'organisation' | 'case'>, task: TaskRow, node: UserTask): string | undefined {
  if (task.instance !== null) return undefined;
  const department = unit.organisation.routeTask(unit.case.jurisdictionId, node.department, node.level);
  return department.id === task.departmentId ? undefined : department.id;
}

/**
 * Carries out a planned migration on the locked case of `unit`: the open task rows take their
 * target node, activation, name and (when the target routes elsewhere) department, keeping their
 * row, history and limits; timers change as `changes` say; the case row takes the target version
 * and snapshot; `case.migrated` is recorded with every task and timer change.
 */
export async function applyCaseMigration(
  unit: CaseUnit,
  input: { plan: CaseMigrationPlan; target: MigrationVersion; sourceVersion: number; targetVersion: number; mapping: Record<string, string> },
  openTasks: readonly TaskRow[],
  changes: readonly TimerChange[],
): Promise<TaskMigration[]> {
  const { plan, target } = input;
  const moved: TaskMigration[] = [];
  for (const node of plan.nodes) {
    const task = openTasks.find((row) => row.activationId === node.activationId);
    const targetNode = target.definition.nodes.find((n) => n.id === node.targetNodeId);
    let targetDepartmentId: string | undefined;
    if (task !== undefined && targetNode?.type === 'userTask' && node.action === 'mapped') {
      targetDepartmentId = reroutedDepartment(unit, task, targetNode);
      await unit.tx
        .update(tasks)
        .set({
          nodeId: node.targetNodeId,
          activationId: node.targetActivationId,
          name: targetNode.name,
          candidateRole: targetNode.candidateRole,
          ...(targetDepartmentId === undefined ? {} : { departmentId: targetDepartmentId, assigneeId: null, status: 'open' as const, claimedAt: null }),
        })
        .where(eq(tasks.id, task.id));
    }
    moved.push({ ...node, taskId: task?.id ?? null, ...(targetDepartmentId === undefined ? {} : { targetDepartmentId }) });
  }

  const ctx = unit.timerContext();
  for (const change of changes) {
    const { previous, next, rename, report } = change;
    if (rename !== undefined && previous !== undefined) {
      await unit.tx.update(timers).set({ engineTimerId: rename.engineTimerId, nodeId: rename.nodeId }).where(eq(timers.id, previous.id));
    }
    if ((report.action === 'recounted' || report.action === 'cancelled') && previous !== undefined) {
      await unit.tx.update(timers).set({ status: 'cancelled' }).where(eq(timers.id, previous.id));
      ctx.send({ topic: 'timer.unschedule', payload: { timerId: previous.id } });
    }
    if (next !== undefined) {
      await armTimers(ctx, [
        {
          kind: report.kind,
          owner: next.owner,
          taskId: report.taskId,
          dueAt: next.dueAt,
          generation: await nextGeneration(ctx, next.owner, report.kind),
          basis: next.basis,
          provisional: next.provisional,
          ...(next.nodeId === undefined ? {} : { nodeId: next.nodeId }),
          ...(next.engineTimerId === undefined ? {} : { engineTimerId: next.engineTimerId }),
          ...(next.unit === undefined ? {} : { unit: next.unit }),
        },
      ]);
    }
    const dueAt = next?.dueAt ?? (report.action === 'cancelled' ? null : undefined);
    if (dueAt !== undefined && report.taskId !== null && (report.kind === 'taskAtRisk' || report.kind === 'taskBreach')) {
      await unit.tx
        .update(tasks)
        .set(report.kind === 'taskAtRisk' ? { atRiskAt: dueAt } : { dueAt })
        .where(eq(tasks.id, report.taskId));
    }
    if (dueAt !== undefined && report.kind === 'caseAtRisk') unit.update({ promisedDueAt: dueAt });
  }

  unit.update({ definitionVersion: input.targetVersion, snapshot: plan.snapshot as PersistedCaseSnapshot });
  unit.record('case.migrated', {
    fromVersion: input.sourceVersion,
    toVersion: input.targetVersion,
    mapping: input.mapping,
    tasks: moved,
    timers: changes.map((change) => change.report),
  });
  return moved;
}
