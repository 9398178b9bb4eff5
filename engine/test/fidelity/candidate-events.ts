import { openTasks } from '../../src/index.ts';
import type { CaseContext, CaseEvent, MachineConfigJson, PersistedCaseSnapshot, StateJson, TaskStateMeta } from '../../src/index.ts';

/** What kinds of event `candidateEvents` offers besides decisions and the work the case waits for. */
export interface CandidateOptions {
  /** SLA limits passing on every open task (`task.slaBreach`, both limits). */
  breaches?: boolean;
  /** Legal suspension and resumption, extension requests and approvals, withdrawal. */
  caseOperations?: boolean;
}

/** The meta of every userTask state of `machine`, by node id. */
export function taskMetas(machine: MachineConfigJson): Map<string, TaskStateMeta> {
  const metas = new Map<string, TaskStateMeta>();
  const visit = (state: StateJson): void => {
    if (state.meta?.nodeType === 'userTask' && state.id !== undefined) metas.set(state.id, state.meta);
    for (const child of Object.values(state.states ?? {})) visit(child);
  };
  visit(machine);
  return metas;
}

/**
 * The events a host could send a case in `snapshot` next, in a fixed order: every outcome of every
 * open task (each with a reason; every return target), the supplement a 补正 waits for, the
 * timers, services and sub-cases it waits for, and, by `options`, breaches and case operations.
 * Some may be refused (a completion while suspended, a second extension): callers send them and
 * compare what happens.
 */
export function candidateEvents(machine: MachineConfigJson, metas: Map<string, TaskStateMeta>, snapshot: PersistedCaseSnapshot, options: CandidateOptions = {}): CaseEvent[] {
  const context = snapshot.context as CaseContext;
  const events: CaseEvent[] = [];
  for (const { taskId, nodeId } of openTasks(machine, snapshot)) {
    const meta = metas.get(nodeId);
    for (const outcome of meta?.outcomes ?? []) {
      const reason = `${nodeId}/${outcome}`;
      if (outcome === 'return') {
        for (const returnTo of meta?.returnTargets ?? []) events.push({ type: 'task.complete', nodeId, taskId, outcome, returnTo, reason });
      } else {
        events.push({ type: 'task.complete', nodeId, taskId, outcome, reason, data: { [`${nodeId}Decided`]: outcome } });
      }
    }
    if (options.breaches) {
      events.push({ type: 'task.slaBreach', nodeId, taskId, limit: 'promised' }, { type: 'task.slaBreach', nodeId, taskId });
    }
    if (options.caseOperations && meta?.extension) {
      events.push(
        { type: 'task.requestExtension', nodeId, taskId, amount: meta.extension.cap.amount, reason: 'walk' },
        { type: 'task.approveExtension', nodeId, taskId, approverRole: meta.extension.approverRole },
        { type: 'task.refuseExtension', nodeId, taskId, approverRole: meta.extension.approverRole, reason: 'walk' },
      );
    }
  }
  for (const [timerId, timer] of Object.entries(context.timers ?? {})) events.push({ type: 'timer.fired', nodeId: timer.nodeId, timerId });
  for (const [nodeId, invocation] of Object.entries(context.services ?? {})) {
    const { serviceId } = invocation;
    if (invocation.status === 'incident') events.push({ type: 'service.retry', nodeId, serviceId });
    else events.push({ type: 'service.succeeded', nodeId, serviceId, data: {} }, { type: 'service.failed', nodeId, serviceId, error: 'walk' });
  }
  for (const [nodeId, subCaseId] of Object.entries(context.subCases ?? {})) {
    events.push({ type: 'subCase.completed', nodeId, subCaseId, result: 'approved' }, { type: 'subCase.completed', nodeId, subCaseId, result: 'rejected' });
  }
  if (context.suspension !== null) events.push({ type: 'case.supplement', data: {} });
  if (options.caseOperations) events.push({ type: 'case.suspend', reason: 'testing' }, { type: 'case.resume' }, { type: 'case.withdraw', reason: 'walk' });
  return events;
}
