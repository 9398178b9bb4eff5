import type { CaseContext, PendingTimer } from '../compile/case-context.ts';
import { taskIdOf, timerIdOf } from '../compile/case-context.ts';
import type { Duration } from '../definition/sla.schema.ts';
import type { WorkflowNode } from '../definition/node.schema.ts';
import { activeNodes } from '../step/active-nodes.ts';
import type { PersistedCaseSnapshot } from '../step/step.types.ts';
import type { ActiveNodeMigration, CaseMigrationPlan, EngineTimerMigration, MigrationRefusalReason, MigrationVersion, NodeMapping } from './case-migration.types.ts';
import { statePath } from './state-paths.ts';
import { targetStateValue } from './target-state-value.ts';

type WaitingType = ActiveNodeMigration['nodeType'];

const WAITING: ReadonlySet<string> = new Set(['userTask', 'serviceTask', 'timerEvent', 'callActivity']);

function sameDuration(a: Duration | undefined, b: Duration | undefined): boolean {
  return a !== undefined && b !== undefined && a.amount === b.amount && a.unit === b.unit;
}

/** Why `node` cannot continue as `target`, or undefined when it can. */
function refusalOf(node: WorkflowNode, target: WorkflowNode | undefined, mapped: boolean): MigrationRefusalReason | undefined {
  if (target === undefined) return 'target-missing';
  if (target.type !== node.type) return 'type-mismatch';
  if (node.type === 'userTask' && target.type === 'userTask') {
    const countersign = node.multiInstance !== undefined || target.multiInstance !== undefined;
    if (countersign && (mapped || node.multiInstance?.over !== target.multiInstance?.over)) return 'countersign-changed';
  }
  if (mapped && (node.type === 'serviceTask' || node.type === 'callActivity')) return 'activity-remapped';
  return undefined;
}

/** The activation ids a node rests with: its task, its open countersignature instances, or its activation. */
function activationsOf(context: CaseContext, node: WorkflowNode): string[] {
  if (node.type === 'userTask') {
    const single = context.tasks[node.id];
    if (single !== undefined) return [single];
    return context.instances?.[node.id]?.open ?? [];
  }
  if (node.type === 'serviceTask') return [context.services?.[node.id]?.serviceId ?? taskIdOf(node.id, context.activations[node.id] ?? 0)];
  return [taskIdOf(node.id, context.activations[node.id] ?? 0)];
}

/** The duration the engine's timer of `purpose` runs for on `node`, when the node has one. */
function timerDuration(node: WorkflowNode, purpose: PendingTimer['purpose']): Duration | undefined {
  if (purpose === 'acceptance') return node.type === 'userTask' ? node.acceptanceDeadline : undefined;
  return node.type === 'timerEvent' ? node.duration : undefined;
}

/**
 * Plans moving a running case from `source` to `target` (a later version of its workflow) by
 * `mapping` (source node id → target node id; an active node not named keeps its id):
 *
 * - each active node is `kept` (the same id, of the same type, in the target), `mapped` (another
 *   node of the same type: its task or activation continues there under a new activation id, so
 *   the task row, its assignee and its SLA history stay) or `refused` with the reason; a
 *   countersignature (会签), a running service task and a waiting call activity are only kept;
 * - each timer the engine holds (acceptance deadline, timer event) is `kept` when its node's
 *   duration is unchanged, `recounted` when it changed (the host counts it again from its start),
 *   `cancelled` when the target node has none;
 * - the case is refused as a whole when it has ended or is suspended, when any active node is
 *   refused, or when the target nodes cannot rest together (two in one branch, a parallel branch
 *   neither active nor finished).
 *
 * When nothing is refused, `snapshot` is the case's snapshot on the target machine: its state
 * value, tasks, activations, timers, extensions and deemed acceptance renamed; its data, decisions
 * and history as they were.
 *
 * Pure: performs no I/O.
 */
export function planCaseMigration(source: MigrationVersion, target: MigrationVersion, snapshot: PersistedCaseSnapshot, mapping: NodeMapping): CaseMigrationPlan {
  const context = snapshot.context as CaseContext;
  const sourceNodes = new Map(source.definition.nodes.map((node) => [node.id, node]));
  const targetNodes = new Map(target.definition.nodes.map((node) => [node.id, node]));
  const active = activeNodes(snapshot)
    .map((id) => sourceNodes.get(id))
    .filter((node): node is WorkflowNode => node !== undefined && WAITING.has(node.type));
  if (snapshot.status !== 'active' || context.result !== null) return { refusal: 'case-not-running', nodes: [], timers: [] };

  const activations = { ...context.activations };
  const nodes: ActiveNodeMigration[] = [];
  const renamed = new Map<string, { nodeId: string; targetNodeId: string; targetActivationId: string }>();
  for (const node of active) {
    const targetNodeId = mapping[node.id] ?? node.id;
    const mapped = targetNodeId !== node.id;
    const reason = refusalOf(node, targetNodes.get(targetNodeId), mapped);
    let next: string | undefined;
    if (mapped && reason === undefined) {
      activations[targetNodeId] = (activations[targetNodeId] ?? 0) + 1;
      next = taskIdOf(targetNodeId, activations[targetNodeId]);
    }
    for (const activationId of activationsOf(context, node)) {
      const targetActivationId = next ?? activationId;
      if (next !== undefined) renamed.set(activationId, { nodeId: node.id, targetNodeId, targetActivationId });
      nodes.push({
        nodeId: node.id,
        nodeType: node.type as WaitingType,
        activationId,
        targetNodeId,
        targetActivationId,
        action: reason !== undefined ? 'refused' : mapped ? 'mapped' : 'kept',
        ...(reason === undefined ? {} : { reason }),
      });
    }
  }

  const timers: EngineTimerMigration[] = [];
  const nextTimers: Record<string, PendingTimer> = {};
  for (const [timerId, timer] of Object.entries(context.timers ?? {})) {
    const activationId = timerId.slice(0, timerId.lastIndexOf('/'));
    const move = renamed.get(activationId);
    const targetNodeId = move?.targetNodeId ?? timer.nodeId;
    const before = sourceNodes.get(timer.nodeId);
    const after = targetNodes.get(targetNodeId);
    const duration = after === undefined ? undefined : timerDuration(after, timer.purpose);
    const targetTimerId = duration === undefined ? null : move === undefined ? timerId : timerIdOf(move.targetActivationId, timer.purpose);
    const action = duration === undefined ? 'cancelled' : before !== undefined && sameDuration(timerDuration(before, timer.purpose), duration) ? 'kept' : 'recounted';
    timers.push({ timerId, targetTimerId, nodeId: timer.nodeId, targetNodeId, action, ...(duration === undefined ? {} : { duration }) });
    if (targetTimerId !== null) nextTimers[targetTimerId] = { nodeId: targetNodeId, purpose: timer.purpose };
  }

  if (context.suspension !== null) return { refusal: 'case-suspended', nodes, timers };
  const refused = nodes.find((node) => node.action === 'refused');
  if (refused !== undefined) return { refusal: refused.reason as MigrationRefusalReason, nodes, timers };
  const targets = [...new Set(nodes.map((node) => node.targetNodeId))];
  if (new Set(active.map((node) => mapping[node.id] ?? node.id)).size < active.length) return { refusal: 'duplicate-target', nodes, timers };
  const paths = targets.map((id) => statePath(target.machine, id) as string[]);
  const value = targetStateValue(target.machine, paths, snapshot.value);
  if ('problem' in value) return { refusal: value.problem, nodes, timers };

  return { nodes, timers, snapshot: { ...snapshot, value: value.value, context: migratedContext(context, renamed, activations, nextTimers) } };
}

/** The context with each moved activation under its new node and id. */
function migratedContext(
  context: CaseContext,
  renamed: ReadonlyMap<string, { nodeId: string; targetNodeId: string; targetActivationId: string }>,
  activations: Record<string, number>,
  timers: Record<string, PendingTimer>,
): CaseContext {
  const tasks: Record<string, string> = {};
  for (const [nodeId, taskId] of Object.entries(context.tasks)) {
    const move = renamed.get(taskId);
    if (move === undefined) tasks[nodeId] = taskId;
    else tasks[move.targetNodeId] = move.targetActivationId;
  }
  const extensions = Object.fromEntries(
    Object.entries(context.extensions ?? {}).map(([taskId, extension]) => {
      const move = renamed.get(taskId);
      return move === undefined ? [taskId, extension] : [move.targetActivationId, { ...extension, nodeId: move.targetNodeId }];
    }),
  );
  const deemed = context.deemedAcceptance;
  const deemedMove = deemed ? renamed.get(deemed.taskId) : undefined;
  return {
    ...context,
    tasks,
    activations,
    timers,
    extensions,
    ...(deemed && deemedMove ? { deemedAcceptance: { ...deemed, nodeId: deemedMove.targetNodeId, taskId: deemedMove.targetActivationId } } : {}),
  };
}
