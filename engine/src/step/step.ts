import { initialTransition, transition } from 'xstate';
import type { AnyMachineSnapshot, ExecutableActionObject } from 'xstate';
import type { CaseContext, CaseSuspension, SuspensionReason, TaskExtension, TimerPurpose } from '../compile/case-context.ts';
import { activationIdOf, awaitsSupplement, instanceIdOf, isOpenTask, suspensionReasons, timerIdOf } from '../compile/case-context.ts';
import { decisionReason } from '../compile/decision-reason.ts';
import type { MachineConfigJson, TaskStateMeta } from '../compile/machine-config.types.ts';
import {
  CaseAlreadyStartedError,
  CaseCompletedError,
  CaseNotStartedError,
  CaseNotSuspendedError,
  CaseSuspendedError,
  ExtensionRefusedError,
  InvalidSuspensionReasonError,
  InvalidTimeError,
  OutcomeNotOfferedError,
  ReasonRequiredError,
  ReturnTargetNotOfferedError,
  ReturnTargetRequiredError,
  ServiceNotActiveError,
  SignerRefusedError,
  SubCaseNotActiveError,
  SuspensionMismatchError,
  TaskNotActiveError,
  TimerNotPendingError,
} from '../errors/index.ts';
import { withFeelEvaluator } from '../feel/feel-scope.ts';
import { evaluateFeel } from '../feel/evaluate-feel.ts';
import type { LoadedMachine } from './machine-cache.ts';
import { loadMachine } from './machine-cache.ts';
import type { Duration, ServiceImplementation, ServiceRetry, SlaLimit } from '../definition/index.ts';
import type { CaseEvent, CaseInput, Effect, PersistedCaseSnapshot, StepOptions, StepResult, TaskCloseReason } from './step.types.ts';


/** Units an extension is counted in whole (行政许可法 art. 82 counts days, never parts of one). */
const DAY_UNITS: ReadonlySet<string> = new Set(['workingDay', 'calendarDay']);
/**
 * Applies one event to a case: the pure step at the centre of Tongban.
 *
 * - Without a `snapshot`, `event` must be `case.start`; the case starts from `input`.
 * - With one, the event must apply, or the step throws a typed `EngineError` and changes nothing:
 *   - a task event names an open task of its node, or instance of a countersignature
 *     (`TaskNotActiveError`); a completion offers the outcome (`OutcomeNotOfferedError`), names a
 *     return target when the task has several (`ReturnTargetRequiredError`,
 *     `ReturnTargetNotOfferedError`) and gives the reason its outcome needs
 *     (`ReasonRequiredError`: in `reason` or in the outcome's reason field of `data`); an
 *     extension keeps its rules (`ExtensionRefusedError`);
 *   - a `timer.fired`, `service.*` or `subCase.completed` names what the case waits for
 *     (`TimerNotPendingError`, `ServiceNotActiveError`, `SubCaseNotActiveError`);
 *   - while the case is suspended, only the event that ends that suspension (`case.supplement` for
 *     a 补正, `case.resume` for an uncounted period) and `case.withdraw` apply
 *     (`CaseSuspendedError`, `SuspensionMismatchError`); ending a suspension needs one
 *     (`CaseNotSuspendedError`); `case.suspend` takes a reason of `suspensionReasons`
 *     (`InvalidSuspensionReasonError`);
 *   - a finished case takes nothing (`CaseCompletedError`).
 * - A completion's `data` merges into the case data before the gateways after it test their
 *   conditions.
 * - Effects come in the order XState runs them: what the left states close (`closeTask` with
 *   reason `completed` for the task the event completed, `breached` for the task it breached,
 *   `returned` for the other tasks a return closes, `cancelled` for those closed as the case
 *   ends or no longer needs; `cancelTimer`, `cancelSubCase`), then what the transition does
 *   (`escalate`, `notify`, `deemOutcome`, `suspendCase`, `pauseCase`, `resumeCase`, `deemAccepted`,
 *   `requestExtensionApproval`, `extendDeadline`, `raiseIncident`), then what the entered states
 *   open (`createTask`, `scheduleTimer`, `invokeService`, `startSubCase`, `completeCase`).
 * - The snapshot returned is a plain JSON object; it survives `JSON.parse(JSON.stringify())`.
 *
 * - FEEL (gateway conditions, multi-instance collections) is evaluated by `options.feel`,
 *   `evaluateFeel` by default; a `FeelBudgetExceededError` it throws leaves the step, which then
 *   changes nothing.
 *
 * Uses XState's pure `initialTransition` / `transition`; the runnable machine is cached per
 * `machine` object. `now` stamps when the case was received (`case.start`) and when a suspension
 * began; no clock is read.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * let { snapshot, effects } = step(machine, undefined, { type: 'case.start' }, now, { caseId: 'c1', data: {} });
 * ({ snapshot, effects } = step(machine, snapshot, { type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' }, now));
 * ```
 */
export function step(
  machine: MachineConfigJson,
  snapshot: PersistedCaseSnapshot | undefined,
  event: CaseEvent,
  now: Date,
  input?: CaseInput,
  options: StepOptions = {},
): StepResult {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new InvalidTimeError('now');
  return withFeelEvaluator(options.feel ?? evaluateFeel, () => run(machine, snapshot, event, now, input));
}

function run(machine: MachineConfigJson, snapshot: PersistedCaseSnapshot | undefined, event: CaseEvent, now: Date, input?: CaseInput): StepResult {
  const loaded = loadMachine(machine);
  let next: AnyMachineSnapshot;
  let actions: ExecutableActionObject[];
  if (snapshot === undefined) {
    if (event.type !== 'case.start') throw new CaseNotStartedError(event.type);
    [next, actions] = initialTransition(loaded.logic, { ...(input ?? { caseId: '', data: {} }), receivedAt: now.toISOString() });
  } else {
    const context = snapshot.context as CaseContext;
    checkApplies(loaded, snapshot, context, event);
    const restored = loaded.logic.resolveState(snapshot as Parameters<typeof loaded.logic.resolveState>[0]);
    [next, actions] = transition(loaded.logic, restored, { ...event, ...resolvedReason(loaded, event), at: now.toISOString() });
  }
  return { snapshot: persist(loaded, next), effects: toEffects(actions, event) };
}

function checkApplies(loaded: LoadedMachine, snapshot: PersistedCaseSnapshot, context: CaseContext, event: CaseEvent): void {
  if (event.type === 'case.start') throw new CaseAlreadyStartedError(context.caseId);
  if (snapshot.status === 'done') throw new CaseCompletedError(context.caseId, event.type);
  const { suspension } = context;
  switch (event.type) {
    case 'case.withdraw':
      return;
    case 'case.supplement':
    case 'case.resume': {
      if (suspension === null) throw new CaseNotSuspendedError(context.caseId);
      const forSupplement = awaitsSupplement(suspension);
      if (forSupplement !== (event.type === 'case.supplement')) {
        throw new SuspensionMismatchError(context.caseId, suspension.reason ?? 'supplement', event.type);
      }
      return;
    }
    case 'case.suspend':
      if (!(suspensionReasons as readonly string[]).includes(event.reason)) throw new InvalidSuspensionReasonError(event.reason, suspensionReasons);
      if (event.nodeId !== undefined && context.tasks[event.nodeId] !== event.taskId) {
        throw new TaskNotActiveError(event.taskId ?? '', event.nodeId, context.tasks[event.nodeId]);
      }
      if (suspension !== null) throw suspendedError(context.caseId, suspension);
      return;
  }
  if (event.type === 'service.succeeded' || event.type === 'service.failed' || event.type === 'service.retry') {
    const invocation = context.services?.[event.nodeId];
    const expected = event.type === 'service.retry' ? 'incident' : 'running';
    if (invocation?.serviceId !== event.serviceId || invocation.status !== expected) {
      throw new ServiceNotActiveError(event.serviceId, event.nodeId, expected, invocation);
    }
    if (suspension !== null) throw suspendedError(context.caseId, suspension);
    return;
  }
  if (event.type === 'subCase.completed') {
    const waiting = context.subCases?.[event.nodeId];
    if (waiting !== event.subCaseId) throw new SubCaseNotActiveError(event.subCaseId, event.nodeId, waiting);
    if (suspension !== null) throw suspendedError(context.caseId, suspension);
    return;
  }
  if (event.type === 'timer.fired') {
    if (context.timers?.[event.timerId]?.nodeId !== event.nodeId) throw new TimerNotPendingError(event.timerId, event.nodeId);
    if (suspension !== null) throw suspendedError(context.caseId, suspension);
    return;
  }
  if (!isOpenTask(context, event.nodeId, event.taskId)) {
    const open = context.tasks[event.nodeId] ?? context.instances?.[event.nodeId]?.open.join("', '");
    throw new TaskNotActiveError(event.taskId, event.nodeId, open || undefined);
  }
  if (suspension !== null) throw suspendedError(context.caseId, suspension);
  const meta = loaded.tasks.get(event.nodeId);
  if (event.type === 'task.addSigners' || event.type === 'task.removeSigner') {
    checkSigners(context, event);
    return;
  }
  if (event.type === 'task.requestExtension' || event.type === 'task.approveExtension' || event.type === 'task.refuseExtension') {
    checkExtension(meta, context, event);
    return;
  }
  if (event.type !== 'task.complete') return;
  const offered = meta?.outcomes ?? [];
  if (!offered.includes(event.outcome)) throw new OutcomeNotOfferedError(event.nodeId, event.outcome, offered);
  const reasonField = meta?.reasonFields?.[event.outcome];
  if (meta?.reasonRequired?.includes(event.outcome) && decisionReason(event, reasonField) === undefined) {
    throw new ReasonRequiredError(event.nodeId, event.outcome, reasonField);
  }
  if (event.outcome !== 'return') return;
  const targets = meta?.returnTargets ?? [];
  if (event.returnTo === undefined) {
    if (targets.length > 1) throw new ReturnTargetRequiredError(event.nodeId, targets);
  } else if (!targets.includes(event.returnTo)) {
    throw new ReturnTargetNotOfferedError(event.nodeId, event.returnTo, targets);
  }
}

function checkExtension(
  meta: TaskStateMeta | undefined,
  context: CaseContext,
  event: Extract<CaseEvent, { type: 'task.requestExtension' | 'task.approveExtension' | 'task.refuseExtension' }>,
): void {
  const { taskId } = event;
  const allowed = meta?.extension;
  if (allowed === undefined) throw new ExtensionRefusedError(taskId, 'not-allowed', `task '${event.nodeId}' offers no extension`);
  const current = context.extensions?.[taskId];
  if (event.type === 'task.requestExtension') {
    if (current !== undefined) {
      throw new ExtensionRefusedError(
        taskId,
        'already-requested',
        `an extension of ${current.by.amount} ${current.by.unit} was already ${current.status === 'requested' ? 'asked for' : current.status}; a step's limit is extended at most once, on one request`,
      );
    }
    if (typeof event.reason !== 'string' || event.reason.trim() === '') {
      throw new ExtensionRefusedError(taskId, 'reason-missing', 'a request gives its reason, which the applicant is told');
    }
    const { amount, unit } = allowed.cap;
    if (!(event.amount > 0) || event.amount > amount) {
      throw new ExtensionRefusedError(taskId, 'cap-exceeded', `${event.amount} ${unit} asked, at most ${amount} ${unit} allowed`);
    }
    if (DAY_UNITS.has(unit) && !Number.isInteger(event.amount)) {
      throw new ExtensionRefusedError(taskId, 'amount-not-whole', `${event.amount} ${unit} asked; days are counted whole (1 to ${amount})`);
    }
    return;
  }
  if (current?.status !== 'requested') {
    const decided = current === undefined ? 'none was asked for' : `the one asked for was already ${current.status}`;
    throw new ExtensionRefusedError(taskId, 'not-requested', `no extension is waiting for a decision: ${decided}`);
  }
  if (event.approverRole !== allowed.approverRole) {
    const verb = event.type === 'task.approveExtension' ? 'approve' : 'refuse';
    throw new ExtensionRefusedError(taskId, 'wrong-approver', `role '${event.approverRole}' cannot ${verb} it, role '${allowed.approverRole}' can`);
  }
  if (event.type === 'task.refuseExtension' && (typeof event.reason !== 'string' || event.reason.trim() === '')) {
    throw new ExtensionRefusedError(taskId, 'reason-missing', 'a refusal gives its reason, which the clerk is told');
  }
}

function checkSigners(context: CaseContext, event: Extract<CaseEvent, { type: 'task.addSigners' | 'task.removeSigner' }>): void {
  const set = context.instances?.[event.nodeId];
  if (set === undefined) throw new SignerRefusedError(event.nodeId, 'not-countersign', `'${event.nodeId}' is not a countersignature (会签)`);
  if (event.type === 'task.removeSigner') return;
  if (!Array.isArray(event.items) || event.items.length === 0) throw new SignerRefusedError(event.nodeId, 'no-signers', 'an addition names at least one signer');
  const removed = new Set(set.removed ?? []);
  const present = new Set(set.items.filter((_, index) => !removed.has(instanceIdOf(activationIdOf(context, event.nodeId), index + 1))));
  const seen = new Set<string>();
  for (const item of event.items) {
    if (present.has(item) || seen.has(item)) throw new SignerRefusedError(event.nodeId, 'already-signer', `'${item}' is already a signer of it`);
    seen.add(item);
  }
}

function suspendedError(caseId: string, suspension: CaseSuspension): CaseSuspendedError {
  return new CaseSuspendedError(caseId, suspension.nodeId, suspension.reason ?? 'supplement');
}

/** The reason a completion gives, from `reason` or its outcome's reason field, for the machine to record. */
function resolvedReason(loaded: LoadedMachine, event: CaseEvent): { reason?: string } {
  if (event.type !== 'task.complete') return {};
  const reason = decisionReason(event, loaded.tasks.get(event.nodeId)?.reasonFields?.[event.outcome]);
  return reason === undefined ? {} : { reason };
}

/** The persisted snapshot as plain JSON: XState's persisted shape without undefined members. */
function persist(loaded: LoadedMachine, snapshot: AnyMachineSnapshot): PersistedCaseSnapshot {
  const persisted = loaded.logic.getPersistedSnapshot(snapshot) as Record<string, unknown>;
  const plain: PersistedCaseSnapshot = {};
  for (const [key, value] of Object.entries(persisted)) {
    if (value !== undefined) plain[key] = value;
  }
  return plain;
}

/** The task an event names (an interrupting edge's actions run after its task was forgotten). */
function eventTaskId(event: CaseEvent): string {
  return 'taskId' in event ? (event.taskId ?? '') : '';
}

function closeReason(event: CaseEvent, taskId: string): TaskCloseReason {
  if (event.type === 'task.removeSigner' && event.taskId === taskId) return 'removed';
  if (event.type === 'task.complete') {
    if (event.taskId === taskId) return 'completed';
    return event.outcome === 'return' ? 'returned' : 'cancelled';
  }
  if (event.type === 'task.slaBreach' && event.taskId === taskId) return 'breached';
  return 'cancelled';
}

/**
 * Turns the effect actions XState collected into effects. Each action's `info.context` is the
 * context at the moment it ran, so a task's id is read after `openTask` and before `forgetTask`.
 * Assign actions never appear here: XState applies them inside `transition`.
 */
function toEffects(actions: readonly ExecutableActionObject[], event: CaseEvent): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as { nodeId?: string; result?: string };
    const context = action.info.context as CaseContext;
    const nodeId = params.nodeId ?? '';
    const taskId = context.tasks[nodeId] ?? '';
    switch (action.type) {
      case 'createTask': {
        const set = context.tasks[nodeId] === undefined ? context.instances?.[nodeId] : undefined;
        if (set === undefined) {
          effects.push({ type: 'createTask', taskId, nodeId });
          break;
        }
        set.open.forEach((instanceId, index) => {
          const instance = { over: set.over, item: set.items[index] ?? '', index: index + 1, of: set.items.length };
          effects.push({ type: 'createTask', taskId: instanceId, nodeId, instance });
        });
        break;
      }
      case 'closeTask': {
        const set = context.tasks[nodeId] === undefined ? context.instances?.[nodeId] : undefined;
        const closing = set === undefined ? [taskId] : set.open;
        for (const id of closing) effects.push({ type: 'closeTask', taskId: id, nodeId, reason: closeReason(event, id) });
        break;
      }
      case 'closeInstance':
        effects.push({ type: 'closeTask', taskId: eventTaskId(event), nodeId, reason: 'completed' });
        break;
      case 'closeRemovedInstance':
        effects.push({ type: 'closeTask', taskId: eventTaskId(event), nodeId, reason: 'removed' });
        break;
      case 'createAddedInstances': {
        const set = context.instances?.[nodeId];
        const added = event.type === 'task.addSigners' ? event.items.length : 0;
        if (set === undefined) break;
        for (let n = set.items.length - added + 1; n <= set.items.length; n++) {
          const instance = { over: set.over, item: set.items[n - 1] ?? '', index: n, of: set.items.length - (set.removed?.length ?? 0) };
          effects.push({ type: 'createTask', taskId: instanceIdOf(activationIdOf(context, nodeId), n), nodeId, instance });
        }
        break;
      }
      case 'suspendCase':
        effects.push({ type: 'suspendCase', reason: 'supplement', nodeId, taskId });
        break;
      case 'pauseCase': {
        const suspension = context.suspension as CaseSuspension;
        effects.push({ type: 'pauseCase', reason: suspension.reason as SuspensionReason, nodeId: suspension.nodeId, taskId: suspension.taskId });
        break;
      }
      case 'resumeCase':
        effects.push({ type: 'resumeCase' });
        break;
      case 'completeCase':
        effects.push({ type: 'completeCase', result: params.result ?? '', nodeId });
        break;
      case 'escalate':
      case 'notify': {
        const { edgeId, limit } = action.params as { edgeId: string; limit: SlaLimit };
        effects.push({ type: action.type, nodeId, taskId: eventTaskId(event), edgeId, limit });
        break;
      }
      case 'scheduleTimer':
      case 'cancelTimer': {
        const { purpose, duration } = action.params as { purpose: TimerPurpose; duration: Duration };
        const timerId = timerIdOf(activationIdOf(context, nodeId), purpose);
        if (context.timers?.[timerId] === undefined) break;
        if (action.type === 'cancelTimer' && event.type === 'timer.fired' && event.timerId === timerId) break;
        effects.push(action.type === 'scheduleTimer' ? { type: 'scheduleTimer', timerId, nodeId, duration, purpose } : { type: 'cancelTimer', timerId, nodeId });
        break;
      }
      case 'requestExtensionApproval':
      case 'extendDeadline':
      case 'extensionRefused': {
        const extension = context.extensions?.[eventTaskId(event)] as TaskExtension;
        const by = extension.by as Duration;
        if (action.type === 'extendDeadline') effects.push({ type: 'extendDeadline', nodeId, taskId: eventTaskId(event), by });
        else if (action.type === 'extensionRefused') effects.push({ type: 'extensionRefused', nodeId, taskId: eventTaskId(event), by, reason: extension.refusalReason ?? '' });
        else {
          const { approverRole } = action.params as { approverRole: string };
          effects.push({ type: 'requestExtensionApproval', nodeId, taskId: eventTaskId(event), by, reason: extension.reason, approverRole });
        }
        break;
      }
      case 'invokeService': {
        const { implementation, retry } = action.params as { implementation: ServiceImplementation; retry: ServiceRetry | null };
        effects.push({ type: 'invokeService', serviceId: context.services?.[nodeId]?.serviceId ?? '', nodeId, implementation, retry });
        break;
      }
      case 'raiseIncident': {
        const invocation = context.services?.[nodeId];
        effects.push({ type: 'raiseIncident', serviceId: invocation?.serviceId ?? '', nodeId, error: invocation?.error ?? '' });
        break;
      }
      case 'startSubCase': {
        const { definitionKey, version, inputs } = action.params as { definitionKey: string; version: number | null; inputs: string[] | null };
        const data = inputs === null ? context.data : Object.fromEntries(inputs.filter((key) => key in context.data).map((key) => [key, context.data[key]]));
        effects.push({ type: 'startSubCase', nodeId, subCaseId: context.subCases?.[nodeId] ?? '', definitionKey, version, data: structuredClone(data) });
        break;
      }
      case 'cancelSubCase': {
        const subCaseId = context.subCases?.[nodeId];
        if (subCaseId === undefined || (event.type === 'subCase.completed' && event.subCaseId === subCaseId)) break;
        effects.push({ type: 'cancelSubCase', nodeId, subCaseId });
        break;
      }
      case 'deemAccepted':
        effects.push({ type: 'deemAccepted', nodeId, taskId, acceptedAt: context.deemedAcceptance?.acceptedAt ?? null });
        break;
      case 'deemOutcome':
        effects.push({ type: 'deemOutcome', nodeId, taskId: eventTaskId(event), outcome: (action.params as { outcome: 'approve' | 'reject' }).outcome });
        break;
    }
  }
  return effects;
}
