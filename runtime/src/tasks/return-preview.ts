import { and, eq, inArray } from 'drizzle-orm';
import { step, type FeelEvaluator, type MachineConfigJson } from '@tongban/engine';
import type { Clock } from '../clock/clock.ts';
import type { Db } from '../db/client.ts';
import { cases, tasks, users, taskIsOpen } from '../db/schema/index.ts';
import type { DefinitionStore } from '../definitions/definition-store.ts';
import { ConflictError, NotFoundError } from '../errors/index.ts';
import { feelBudgetConflict } from '../feel/feel-budget-conflict.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { checkCompletion } from './check-completion.ts';
import { assertHandles } from './task-handler.ts';

/** Another open task a return would close undecided (parallel work of other departments). */
export interface CancelledByReturn {
  id: string;
  nodeId: string;
  name: string;
  departmentId: string;
  departmentName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

/** What `GET /tasks/{id}/return-preview` answers. */
export interface ReturnPreview {
  taskId: string;
  /** The node the return goes back to. */
  returnTo: string | null;
  /** The other open tasks of the case the return would cancel, none when it closes only its own. */
  cancels: CancelledByReturn[];
}

/** What the preview needs. */
export interface ReturnPreviewOptions {
  db: Db;
  clock: Clock;
  definitions: DefinitionStore;
  organisation: () => Promise<Organisation>;
  feel: FeelEvaluator;
}

/**
 * The other open tasks that returning task `taskId` (退回, to `returnTo`) would cancel, so the
 * clerk is warned, with their names, before a return cancels other departments' parallel work.
 * The engine's step runs on the case as it is now; nothing is written. The task's handler asks.
 * @throws NotFoundError `task-not-found`; ForbiddenError as a completion; ConflictError
 *   `task-not-open`; InvalidInputError `outcome-not-offered` (no return here), `returnTo`.
 */
export async function previewReturn(
  options: ReturnPreviewOptions,
  taskId: string,
  viewer: Viewer,
  input: { returnTo?: string | undefined },
): Promise<ReturnPreview> {
  const { db } = options;
  const [found] = await db.select({ task: tasks, case: cases }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(eq(tasks.id, taskId));
  if (!found) throw new NotFoundError('task-not-found', `Task '${taskId}' does not exist`, { taskId });
  const { task, case: row } = found;
  assertHandles(viewer, task, 'complete');
  if (task.status !== 'open' && task.status !== 'claimed') {
    throw new ConflictError('task-not-open', `Task '${taskId}' is ${task.status}`, { taskId, status: task.status });
  }
  const definition = await options.definitions.get(row.definitionKey, row.definitionVersion);
  const node = definition.definition.nodes.find((n) => n.id === task.nodeId && n.type === 'userTask');
  if (node?.type !== 'userTask') throw new NotFoundError('task-not-found', `Task '${taskId}' has no node in its workflow`, { taskId });
  const returnTo = checkCompletion(definition.definition, node, { outcome: 'return', data: {}, returnTo: input.returnTo });
  let effects;
  try {
    effects = step(
      definition.machine as unknown as MachineConfigJson,
      row.snapshot,
      { type: 'task.complete', nodeId: task.nodeId, taskId: task.activationId, outcome: 'return', data: {}, ...(returnTo === undefined ? {} : { returnTo }) },
      options.clock.now(),
      undefined,
      { feel: options.feel },
    ).effects;
  } catch (error) {
    throw feelBudgetConflict(error, row.id, definition.definition) ?? error;
  }
  const activations = effects.flatMap((e) => (e.type === 'closeTask' && e.taskId !== task.activationId ? [e.taskId] : []));
  if (activations.length === 0) return { taskId, returnTo: returnTo ?? null, cancels: [] };
  const organisation = await options.organisation();
  const closing = await db
    .select({ task: tasks, assigneeName: users.displayName })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.caseId, row.id), inArray(tasks.activationId, activations), taskIsOpen));
  return {
    taskId,
    returnTo: returnTo ?? null,
    cancels: closing.map(({ task: t, assigneeName }) => ({
      id: t.id,
      nodeId: t.nodeId,
      name: t.name,
      departmentId: t.departmentId,
      departmentName: organisation.department(t.departmentId)?.name ?? null,
      assigneeId: t.assigneeId,
      assigneeName,
    })),
  };
}
