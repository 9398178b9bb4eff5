import { assign } from 'xstate';
import type { AnyEventObject } from 'xstate';
import { evaluateCondition, evaluateList } from '../feel/index.ts';
import { activeFeelEvaluator } from '../feel/feel-scope.ts';
import type { CaseEvent, CaseInput } from '../step/step.types.ts';
import type { CompletionRule } from '../definition/index.ts';
import type { CaseContext, InstanceDecision, InstanceSet, SuspensionReason, TaskDecision, TimerPurpose } from './case-context.ts';
import { activationIdOf, awaitsSupplement, countersignOutcome, instanceIdOf, instanceNumberOf, isOpenTask, suspensionReasons, timerIdOf } from './case-context.ts';
import { decisionReason } from './decision-reason.ts';
import { taskIdOf } from './case-context.ts';

/**
 * An event as the compiled machine sees it: a case event, stamped by the step with the time it
 * ran (`at`, ISO 8601), or XState's init event carrying the case input.
 */
export type MachineEvent = (CaseEvent & { at?: string }) | { type: 'xstate.init'; input?: Partial<CaseInput> & { receivedAt?: string } };

/**
 * What XState passes to implementations. Events and params are typed loosely, as XState types
 * them for an untyped JSON config, so that `createMachine(machine).provide(implementations)` checks.
 */
interface Args {
  context: CaseContext;
  event: AnyEventObject;
}
interface NodeParams {
  nodeId: string;
}
interface TimerParams {
  nodeId: string;
  purpose: TimerPurpose;
}

/** Whether the timer the host fired is the pending timer of `purpose` of the current activation of `nodeId`. */
function firesTimer(context: CaseContext, event: MachineEvent, { nodeId, purpose }: TimerParams): boolean {
  if (event.type !== 'timer.fired' || event.nodeId !== nodeId || context.suspension !== null) return false;
  return event.timerId === timerIdOf(activationIdOf(context, nodeId), purpose) && context.timers?.[event.timerId] !== undefined;
}

const effect = (): void => {};

/** The limit a `task.slaBreach` reports, defaulting as the event does. */
function breachLimit(event: MachineEvent): string {
  return event.type === 'task.slaBreach' ? (event.limit ?? 'statutory') : '';
}

/** Whether a completion with the reasons `reasons` asks for (outcome → form field) gives the one its outcome needs. */
function givesReason(event: AnyEventObject, reasons: Record<string, string | null> | undefined): boolean {
  const outcome = String(event.outcome);
  if (reasons === undefined || !(outcome in reasons)) return true;
  return decisionReason(event as { reason?: unknown; data?: Record<string, unknown> }, reasons[outcome]) !== undefined;
}

/** Whether `event` completes or breaches an open task of `nodeId` (its task or an instance) while the case runs. */
function addressesOpenTask(context: CaseContext, event: MachineEvent, nodeId: string): boolean {
  return 'taskId' in event && event.nodeId === nodeId && isOpenTask(context, nodeId, event.taskId) && context.suspension === null;
}

/** Whether `event` completes an open instance of the multi-instance task `nodeId` with one of `outcomes`, giving the reason it needs. */
function completesInstance(context: CaseContext, raw: AnyEventObject, params: { nodeId: string; reasons?: Record<string, string | null> }, outcomes: string[]): boolean {
  const event = raw as MachineEvent;
  const set = context.instances?.[params.nodeId];
  return (
    event.type === 'task.complete' &&
    set !== undefined &&
    set.open.includes(event.taskId) &&
    addressesOpenTask(context, event, params.nodeId) &&
    outcomes.includes(event.outcome) &&
    givesReason(raw, params.reasons)
  );
}

/**
 * The guards and actions a compiled machine names. Give them to XState:
 * `createMachine(machine).provide(implementations)`.
 *
 * Effect actions (`createTask`, `closeTask`, `suspendCase`, `pauseCase`, `resumeCase`,
 * `completeCase`, `escalate`, `notify`, `deemOutcome`, `scheduleTimer`, `cancelTimer`,
 * `deemAccepted`, `requestExtensionApproval`, `extendDeadline`, `extensionRefused`, `invokeService`,
 * `raiseIncident`, `closeInstance`, `startSubCase`, `cancelSubCase`) do nothing here: XState's pure `transition` hands them back and the step turns them into effects; a
 * host running the machine in an actor can `provide` its own. The other actions are `assign`s that
 * keep the case context:
 * - `initCase`: copies the case input (`{ caseId, data }`, and `receivedAt` from the step) into the
 *   context when the case starts.
 * - `openTask` / `forgetTask` `{ nodeId }`: count a new activation and record its task id / drop it.
 * - `mergeData`: merges the event's `data` into the case data, one level deep.
 * - `markSuspended` `{ nodeId }` / `clearSuspension`: open / close the case's 补正 (or any
 *   suspension).
 * - `markHeld`: suspends the case for the event's reason (a period art. 45 does not count).
 * - `armTimer` `{ nodeId, purpose, firstOnly? }` / `dropTimer` `{ nodeId, purpose }`: record /
 *   forget the timer of the current activation of `nodeId` (`firstOnly`: on its first activation
 *   only).
 * - `acceptDeemed` `{ nodeId }`: the case counts as accepted as of its receipt (art. 32(4)).
 * - `openInstances` `{ nodeId, over, items }`: a new activation of a multi-instance task, one
 *   instance per item (`items` a list, or a FEEL expression yielding one); `recordInstance`
 *   `{ nodeId }`: an instance's decision; `recordCountersign` `{ nodeId, outcome }`: the step's
 *   outcome, with its instances' decisions. `forgetTask` closes the instances left.
 * - `openSubCase` `{ nodeId }` / `forgetSubCase` `{ nodeId }`: the sub-case a call activity
 *   starts (`${caseId}/${nodeId}#n`) / leaving the node.
 * - `openActivity` `{ nodeId }`: counts a new activation of a node that waits (a timer).
 * - `openService` `{ nodeId }` / `markIncident` `{ nodeId }` / `forgetService` `{ nodeId }`: a
 *   new invocation of a service task (a new activation) / its failure after the last retry /
 *   leaving the node.
 * - `recordExtension` `{ nodeId, unit }` / `approveExtension` / `refuseExtension`: the extension the
 *   event asks for is requested / approved / refused (with the event's reason).
 * - `recordResult` `{ result }`: the result of the end event reached, and the reason of the
 *   decision that reached it.
 * - `recordDecision` `{ nodeId, outcome?, deemed? }`: the decision on the task the event names
 *   (the given outcome, or the event's, with the event's reason).
 *
 * Guards:
 * - `feel` `{ expression }`: the FEEL condition holds over the case data (false on any error).
 * - `noneHolds` `{ expressions }`: no FEEL condition of the list holds (an inclusive gateway's
 *   default branch).
 * - `taskOutcome` `{ nodeId, outcomes, reasons? }`: a `task.complete` of the open task of
 *   `nodeId`, while the case is not suspended, with one of `outcomes`, giving a reason when its
 *   outcome is one of `reasons` (outcome → the form field that can hold it, see `decisionReason`).
 * - `taskReturn` `{ nodeId, returnTo, sole, reasons? }`: the same with outcome `return`, to
 *   `returnTo` (or to no named target, when this is the task's `sole` return edge).
 * - `taskBreach` `{ nodeId, limit }`: a `task.slaBreach` of the open task of `nodeId` for `limit`
 *   (`statutory` when the event or an older machine names none), while not suspended.
 * - `instanceDecides` `{ nodeId, outcome, completion, reasons? }`: a completion of an open instance
 *   of `nodeId` after which the instances decide the step `outcome` (see `countersignOutcome`);
 *   `instanceOutcome` `{ nodeId, outcomes, reasons? }`: any completion of an open instance;
 *   `noInstances` `{ nodeId }`: the task's collection gave no instance.
 * - `extensionRequestable` `{ nodeId, cap }`: a `task.requestExtension` of the open task of
 *   `nodeId`, its first, with a reason and an amount from above 0 to `cap` (whole in a day unit),
 *   while not suspended.
 * - `extensionApprovable` `{ nodeId, approverRole }`: a `task.approveExtension` of the open task
 *   of `nodeId` by `approverRole`, with its request pending, while not suspended;
 *   `extensionRefusable` `{ nodeId, approverRole }`: the same for a `task.refuseExtension` that
 *   gives a reason.
 * - `serviceEvent` `{ nodeId, status }`: a `service.*` event of the current invocation of `nodeId`,
 *   which is `status` (`running`, or `incident` for a retry), while not suspended.
 * - `timerDue` `{ nodeId, purpose }`: a `timer.fired` of the pending timer of `purpose` of the
 *   current activation of `nodeId`, while the case is not suspended.
 * - `isSuspended`: the case is suspended (older machines end a 补正 with it).
 * - `awaitsSupplement`: the case waits for the applicant's supplement (补正).
 * - `canHold`: a `case.suspend` with a reason of `suspensionReasons`, naming the open task of its
 *   node or none, while the case is not suspended.
 * - `isHeld`: the case is suspended for an uncounted period, not for a 补正.
 */
export const implementations = {
  actions: {
    initCase: assign(({ event: raw }: Args) => {
      const event = raw as MachineEvent;
      const input = event.type === 'xstate.init' ? event.input : undefined;
      return { caseId: input?.caseId ?? '', data: { ...(input?.data ?? {}) }, receivedAt: input?.receivedAt ?? null };
    }),
    openTask: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const activation = (context.activations[nodeId] ?? 0) + 1;
      return {
        activations: { ...context.activations, [nodeId]: activation },
        tasks: { ...context.tasks, [nodeId]: taskIdOf(nodeId, activation) },
      };
    }),
    openInstances: assign(({ context }: Args, params: unknown) => {
      const { nodeId, over, items } = params as { nodeId: string; over: InstanceSet['over']; items: string[] | string };
      const activation = (context.activations[nodeId] ?? 0) + 1;
      const names = Array.isArray(items) ? items : evaluateList(items, context.data, activeFeelEvaluator());
      const activationId = taskIdOf(nodeId, activation);
      const set: InstanceSet = { over, items: names, open: names.map((_, index) => instanceIdOf(activationId, index + 1)), decided: [] };
      return { activations: { ...context.activations, [nodeId]: activation }, instances: { ...(context.instances ?? {}), [nodeId]: set } };
    }),
    recordInstance: assign(({ context, event }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const set = context.instances?.[nodeId];
      if (set === undefined) return {};
      const taskId = String(event.taskId);
      const decision: InstanceDecision = { taskId, item: set.items[instanceNumberOf(taskId) - 1] ?? '', outcome: String(event.outcome) };
      if (typeof event.reason === 'string') decision.reason = event.reason;
      const next: InstanceSet = { ...set, open: set.open.filter((id) => id !== taskId), decided: [...set.decided, decision] };
      return { instances: { ...context.instances, [nodeId]: next } };
    }),
    addInstances: assign(({ context, event }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const set = context.instances?.[nodeId];
      if (set === undefined || !Array.isArray(event.items)) return {};
      const activationId = activationIdOf(context, nodeId);
      const added = (event.items as string[]).map((_, index) => instanceIdOf(activationId, set.items.length + index + 1));
      const next: InstanceSet = { ...set, items: [...set.items, ...(event.items as string[])], open: [...set.open, ...added] };
      return { instances: { ...context.instances, [nodeId]: next } };
    }),
    removeInstance: assign(({ context, event }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const set = context.instances?.[nodeId];
      if (set === undefined) return {};
      const taskId = String(event.taskId);
      const next: InstanceSet = { ...set, open: set.open.filter((id) => id !== taskId), removed: [...(set.removed ?? []), taskId] };
      return { instances: { ...context.instances, [nodeId]: next } };
    }),
    recordCountersign: assign(({ context }: Args, params: unknown) => {
      const { nodeId, outcome } = params as { nodeId: string; outcome: string };
      const decision: TaskDecision = { taskId: activationIdOf(context, nodeId), outcome, instances: context.instances?.[nodeId]?.decided ?? [] };
      return { decisions: { ...(context.decisions ?? {}), [nodeId]: decision } };
    }),
    openSubCase: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const activation = (context.activations[nodeId] ?? 0) + 1;
      const subCaseId = `${context.caseId}/${taskIdOf(nodeId, activation)}`;
      return { activations: { ...context.activations, [nodeId]: activation }, subCases: { ...(context.subCases ?? {}), [nodeId]: subCaseId } };
    }),
    forgetSubCase: assign(({ context }: Args, params: unknown) => {
      const subCases = { ...(context.subCases ?? {}) };
      delete subCases[(params as NodeParams).nodeId];
      return { subCases };
    }),
    openActivity: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      return { activations: { ...context.activations, [nodeId]: (context.activations[nodeId] ?? 0) + 1 } };
    }),
    openService: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const activation = (context.activations[nodeId] ?? 0) + 1;
      return {
        activations: { ...context.activations, [nodeId]: activation },
        services: { ...(context.services ?? {}), [nodeId]: { serviceId: taskIdOf(nodeId, activation), status: 'running' as const } },
      };
    }),
    markIncident: assign(({ context, event }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const invocation = context.services?.[nodeId];
      if (invocation === undefined) return {};
      return { services: { ...context.services, [nodeId]: { ...invocation, status: 'incident' as const, error: String(event.error ?? '') } } };
    }),
    forgetService: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const services = { ...(context.services ?? {}) };
      delete services[nodeId];
      return { services };
    }),
    forgetTask: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const tasks = { ...context.tasks };
      delete tasks[nodeId];
      const set = context.instances?.[nodeId];
      return set === undefined ? { tasks } : { tasks, instances: { ...context.instances, [nodeId]: { ...set, open: [] } } };
    }),
    mergeData: assign(({ context, event: raw }: Args) => {
      const event = raw as MachineEvent;
      const data = 'data' in event ? event.data : undefined;
      return data ? { data: { ...context.data, ...data } } : {};
    }),
    markSuspended: assign(({ context, event }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      const since = typeof event.at === 'string' ? event.at : null;
      return { suspension: { reason: 'supplement' as const, nodeId, taskId: context.tasks[nodeId] ?? '', since } };
    }),
    markHeld: assign(({ event }: Args) => {
      const since = typeof event.at === 'string' ? event.at : null;
      const nodeId = typeof event.nodeId === 'string' ? event.nodeId : null;
      const taskId = typeof event.taskId === 'string' ? event.taskId : null;
      return { suspension: { reason: event.reason as SuspensionReason, nodeId, taskId, since } };
    }),
    clearSuspension: assign((_: Args) => ({ suspension: null })),
    armTimer: assign(({ context }: Args, params: unknown) => {
      const { nodeId, purpose, firstOnly } = params as TimerParams & { firstOnly?: boolean };
      if (firstOnly === true && (context.activations[nodeId] ?? 0) > 1) return {};
      const timerId = timerIdOf(activationIdOf(context, nodeId), purpose);
      return { timers: { ...(context.timers ?? {}), [timerId]: { nodeId, purpose } } };
    }),
    dropTimer: assign(({ context }: Args, params: unknown) => {
      const { nodeId, purpose } = params as TimerParams;
      const timers = { ...(context.timers ?? {}) };
      delete timers[timerIdOf(activationIdOf(context, nodeId), purpose)];
      return { timers };
    }),
    recordExtension: assign(({ context, event }: Args, params: unknown) => {
      const { nodeId, unit } = params as { nodeId: string; unit: string };
      const taskId = String(event.taskId);
      const extension = { nodeId, by: { amount: Number(event.amount), unit }, reason: String(event.reason), status: 'requested' as const };
      return { extensions: { ...(context.extensions ?? {}), [taskId]: extension } };
    }),
    approveExtension: assign(({ context, event }: Args) => {
      const taskId = String(event.taskId);
      const requested = context.extensions?.[taskId];
      return requested ? { extensions: { ...context.extensions, [taskId]: { ...requested, status: 'approved' as const } } } : {};
    }),
    refuseExtension: assign(({ context, event }: Args) => {
      const taskId = String(event.taskId);
      const requested = context.extensions?.[taskId];
      const refused = requested && { ...requested, status: 'refused' as const, refusalReason: String(event.reason) };
      return refused ? { extensions: { ...context.extensions, [taskId]: refused } } : {};
    }),
    acceptDeemed: assign(({ context }: Args, params: unknown) => {
      const { nodeId } = params as NodeParams;
      return { deemedAcceptance: { nodeId, taskId: context.tasks[nodeId] ?? '', acceptedAt: context.receivedAt ?? null } };
    }),
    recordResult: assign(({ event }: Args, params: unknown) => ({
      result: (params as { result: string }).result,
      resultReason: typeof event.reason === 'string' ? event.reason : null,
    })),
    recordDecision: assign(({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, outcome, deemed } = params as { nodeId: string; outcome?: string; deemed?: boolean };
      const event = raw as MachineEvent;
      const taskId = 'taskId' in event ? (event.taskId ?? '') : '';
      const decided = outcome ?? ('outcome' in event ? event.outcome : '');
      const reason = 'reason' in event && typeof event.reason === 'string' ? event.reason : undefined;
      const decision: TaskDecision = deemed === true ? { taskId, outcome: decided, deemed: true } : { taskId, outcome: decided };
      if (reason !== undefined) decision.reason = reason;
      return { decisions: { ...(context.decisions ?? {}), [nodeId]: decision } };
    }),
    createTask: effect,
    closeTask: effect,
    suspendCase: effect,
    pauseCase: effect,
    resumeCase: effect,
    completeCase: effect,
    escalate: effect,
    notify: effect,
    deemOutcome: effect,
    scheduleTimer: effect,
    cancelTimer: effect,
    deemAccepted: effect,
    requestExtensionApproval: effect,
    closeInstance: effect,
    createAddedInstances: effect,
    closeRemovedInstance: effect,
    startSubCase: effect,
    cancelSubCase: effect,
    invokeService: effect,
    raiseIncident: effect,
    extendDeadline: effect,
    extensionRefused: effect,
  },
  guards: {
    feel: ({ context }: Args, params: unknown) =>
      evaluateCondition((params as { expression: string }).expression, context.data, activeFeelEvaluator()).value,
    noneHolds: ({ context }: Args, params: unknown) =>
      !(params as { expressions: string[] }).expressions.some((expression) => evaluateCondition(expression, context.data, activeFeelEvaluator()).value),
    taskOutcome: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, outcomes, reasons } = params as { nodeId: string; outcomes: string[]; reasons?: Record<string, string | null> };
      const event = raw as MachineEvent;
      return (
        event.type === 'task.complete' &&
        addressesOpenTask(context, event, nodeId) &&
        outcomes.includes(event.outcome) &&
        givesReason(raw, reasons)
      );
    },
    taskReturn: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, returnTo, sole, reasons } = params as { nodeId: string; returnTo: string; sole: boolean; reasons?: Record<string, string | null> };
      const event = raw as MachineEvent;
      return (
        event.type === 'task.complete' &&
        addressesOpenTask(context, event, nodeId) &&
        event.outcome === 'return' &&
        (event.returnTo === returnTo || (sole && event.returnTo === undefined)) &&
        givesReason(raw, reasons)
      );
    },
    taskBreach: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, limit } = params as { nodeId: string; limit?: string };
      const event = raw as MachineEvent;
      return event.type === 'task.slaBreach' && addressesOpenTask(context, event, nodeId) && breachLimit(event) === (limit ?? 'statutory');
    },
    serviceEvent: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, status } = params as { nodeId: string; status: 'running' | 'incident' };
      const event = raw as MachineEvent;
      if (event.type !== 'service.succeeded' && event.type !== 'service.failed' && event.type !== 'service.retry') return false;
      const invocation = context.services?.[nodeId];
      return event.nodeId === nodeId && invocation?.serviceId === event.serviceId && invocation.status === status && context.suspension === null;
    },
    instanceDecides: ({ context, event }: Args, params: unknown) => {
      const decides = params as { nodeId: string; outcome: string; completion: CompletionRule; reasons?: Record<string, string | null> };
      const set = context.instances?.[decides.nodeId];
      if (set === undefined || !completesInstance(context, event, decides, ['approve', 'reject'])) return false;
      return countersignOutcome(set, decides.completion, String(event.outcome)) === decides.outcome;
    },
    instanceOutcome: ({ context, event }: Args, params: unknown) => {
      const taken = params as { nodeId: string; outcomes: string[]; reasons?: Record<string, string | null> };
      return completesInstance(context, event, taken, taken.outcomes);
    },
    subCaseCompleted: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, results } = params as { nodeId: string; results: string[] | null };
      const event = raw as MachineEvent;
      return (
        event.type === 'subCase.completed' &&
        event.nodeId === nodeId &&
        context.subCases?.[nodeId] === event.subCaseId &&
        context.suspension === null &&
        (results === null || results.includes(event.result))
      );
    },
    removalDecides: ({ context, event }: Args, params: unknown) => {
      const { nodeId, outcome, completion } = params as { nodeId: string; outcome: string; completion: CompletionRule };
      const set = context.instances?.[nodeId];
      if (set === undefined || event.type !== 'task.removeSigner' || !set.open.includes(String(event.taskId))) return false;
      return countersignOutcome({ ...set, removed: [...(set.removed ?? []), String(event.taskId)] }, completion) === outcome;
    },
    noInstances: ({ context }: Args, params: unknown) => context.instances?.[(params as NodeParams).nodeId]?.items.length === 0,
    extensionRequestable: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, cap } = params as { nodeId: string; cap: { amount: number; unit: string } };
      const event = raw as MachineEvent;
      if (event.type !== 'task.requestExtension' || !addressesOpenTask(context, event, nodeId)) return false;
      const asked = event.amount;
      return (
        context.extensions?.[event.taskId] === undefined &&
        typeof event.reason === 'string' &&
        event.reason.trim() !== '' &&
        asked > 0 &&
        asked <= cap.amount &&
        (Number.isInteger(asked) || (cap.unit !== 'workingDay' && cap.unit !== 'calendarDay'))
      );
    },
    extensionApprovable: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, approverRole } = params as { nodeId: string; approverRole: string };
      const event = raw as MachineEvent;
      return (
        event.type === 'task.approveExtension' &&
        addressesOpenTask(context, event, nodeId) &&
        event.approverRole === approverRole &&
        context.extensions?.[event.taskId]?.status === 'requested'
      );
    },
    extensionRefusable: ({ context, event: raw }: Args, params: unknown) => {
      const { nodeId, approverRole } = params as { nodeId: string; approverRole: string };
      const event = raw as MachineEvent;
      return (
        event.type === 'task.refuseExtension' &&
        addressesOpenTask(context, event, nodeId) &&
        event.approverRole === approverRole &&
        typeof event.reason === 'string' &&
        event.reason.trim() !== '' &&
        context.extensions?.[event.taskId]?.status === 'requested'
      );
    },
    timerDue: ({ context, event }: Args, params: unknown) => firesTimer(context, event as MachineEvent, params as TimerParams),
    isSuspended: ({ context }: Args) => context.suspension !== null,
    awaitsSupplement: ({ context }: Args) => awaitsSupplement(context.suspension),
    canHold: ({ context, event }: Args) =>
      context.suspension === null &&
      (suspensionReasons as readonly unknown[]).includes(event.reason) &&
      (event.nodeId === undefined || context.tasks[String(event.nodeId)] === event.taskId),
    isHeld: ({ context }: Args) => context.suspension !== null && !awaitsSupplement(context.suspension),
  },
};
