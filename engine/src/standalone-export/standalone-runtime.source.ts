/**
 * The JavaScript that follows the machine config in a standalone module: the guards and actions
 * of a compiled machine written against `xstate` and `feelin` alone, and `createCaseActor`. It
 * mirrors `implementations` (see there for what each one does); the standalone-export test runs
 * every shipped workflow's fixtures through it.
 * @internal
 */
export const STANDALONE_RUNTIME_SOURCE = String.raw`
const suspensionReasons = ['hearing', 'testing', 'inspection', 'expertReview', 'appraisal'];

const taskIdOf = (nodeId, activation) => nodeId + '#' + activation;
const activationIdOf = (context, nodeId) => taskIdOf(nodeId, context.activations[nodeId] ?? 0);
const timerIdOf = (activationId, purpose) => activationId + '/' + purpose;
const instanceIdOf = (activationId, n) => activationId + '.' + n;
const instanceNumberOf = (taskId) => Number(taskId.slice(taskId.lastIndexOf('.') + 1));
const awaitsSupplement = (suspension) => suspension !== null && (suspension.reason ?? 'supplement') === 'supplement';
const isOpenTask = (context, nodeId, taskId) =>
  (context.tasks[nodeId] !== undefined && context.tasks[nodeId] === taskId) || (context.instances?.[nodeId]?.open.includes(taskId) ?? false);

function countersignOutcome(set, completion, outcome) {
  const count = set.items.length - (set.removed?.length ?? 0);
  const outcomes = [...set.decided.map((decision) => decision.outcome), ...(outcome === undefined ? [] : [outcome])];
  const approvals = outcomes.filter((decided) => decided === 'approve').length;
  const rejections = outcomes.length - approvals;
  const required = completion === 'all' ? count : completion === 'any' ? Math.min(1, count) : Math.min(completion.threshold, count);
  if (approvals >= required) return 'approve';
  if (rejections > count - required) return 'reject';
  return undefined;
}

/** Evaluates a FEEL expression over the case data with feelin; undefined when it fails. */
function feel(expression, data) {
  try {
    return evaluate(expression, data).value;
  } catch {
    return undefined;
  }
}
const holds = (expression, data) => feel(expression, data) === true;
function feelList(expression, data) {
  const value = feel(expression, data);
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (typeof item === 'string' || typeof item === 'number' ? [String(item)] : []));
}

function decisionReason(event, field) {
  if (typeof event.reason === 'string' && event.reason.trim() !== '') return event.reason;
  const filled = field === null || field === undefined ? undefined : event.data?.[field];
  return typeof filled === 'string' && filled.trim() !== '' ? filled : undefined;
}
function givesReason(event, reasons) {
  const outcome = String(event.outcome);
  if (reasons === undefined || !(outcome in reasons)) return true;
  return decisionReason(event, reasons[outcome]) !== undefined;
}
const addressesOpenTask = (context, event, nodeId) =>
  'taskId' in event && event.nodeId === nodeId && isOpenTask(context, nodeId, event.taskId) && context.suspension === null;
function completesInstance(context, event, params, outcomes) {
  const set = context.instances?.[params.nodeId];
  return (
    event.type === 'task.complete' &&
    set !== undefined &&
    set.open.includes(event.taskId) &&
    addressesOpenTask(context, event, params.nodeId) &&
    outcomes.includes(event.outcome) &&
    givesReason(event, params.reasons)
  );
}
function firesTimer(context, event, { nodeId, purpose }) {
  if (event.type !== 'timer.fired' || event.nodeId !== nodeId || context.suspension !== null) return false;
  return event.timerId === timerIdOf(activationIdOf(context, nodeId), purpose) && context.timers?.[event.timerId] !== undefined;
}
const breachLimit = (event) => (event.type === 'task.slaBreach' ? (event.limit ?? 'statutory') : '');
const since = (event) => (typeof event.at === 'string' ? event.at : null);

const updates = {
  initCase: ({ event }) => {
    const input = event.type === 'xstate.init' ? event.input : undefined;
    return { caseId: input?.caseId ?? '', data: { ...(input?.data ?? {}) }, receivedAt: input?.receivedAt ?? null };
  },
  openTask: ({ context }, { nodeId }) => {
    const activation = (context.activations[nodeId] ?? 0) + 1;
    return { activations: { ...context.activations, [nodeId]: activation }, tasks: { ...context.tasks, [nodeId]: taskIdOf(nodeId, activation) } };
  },
  openInstances: ({ context }, { nodeId, over, items }) => {
    const activation = (context.activations[nodeId] ?? 0) + 1;
    const names = Array.isArray(items) ? items : feelList(items, context.data);
    const activationId = taskIdOf(nodeId, activation);
    const set = { over, items: names, open: names.map((_, index) => instanceIdOf(activationId, index + 1)), decided: [] };
    return { activations: { ...context.activations, [nodeId]: activation }, instances: { ...(context.instances ?? {}), [nodeId]: set } };
  },
  recordInstance: ({ context, event }, { nodeId }) => {
    const set = context.instances?.[nodeId];
    if (set === undefined) return {};
    const taskId = String(event.taskId);
    const decision = { taskId, item: set.items[instanceNumberOf(taskId) - 1] ?? '', outcome: String(event.outcome) };
    if (typeof event.reason === 'string') decision.reason = event.reason;
    const next = { ...set, open: set.open.filter((id) => id !== taskId), decided: [...set.decided, decision] };
    return { instances: { ...context.instances, [nodeId]: next } };
  },
  addInstances: ({ context, event }, { nodeId }) => {
    const set = context.instances?.[nodeId];
    if (set === undefined || !Array.isArray(event.items)) return {};
    const activationId = activationIdOf(context, nodeId);
    const added = event.items.map((_, index) => instanceIdOf(activationId, set.items.length + index + 1));
    return { instances: { ...context.instances, [nodeId]: { ...set, items: [...set.items, ...event.items], open: [...set.open, ...added] } } };
  },
  removeInstance: ({ context, event }, { nodeId }) => {
    const set = context.instances?.[nodeId];
    if (set === undefined) return {};
    const taskId = String(event.taskId);
    return { instances: { ...context.instances, [nodeId]: { ...set, open: set.open.filter((id) => id !== taskId), removed: [...(set.removed ?? []), taskId] } } };
  },
  recordCountersign: ({ context }, { nodeId, outcome }) => ({
    decisions: { ...(context.decisions ?? {}), [nodeId]: { taskId: activationIdOf(context, nodeId), outcome, instances: context.instances?.[nodeId]?.decided ?? [] } },
  }),
  openSubCase: ({ context }, { nodeId }) => {
    const activation = (context.activations[nodeId] ?? 0) + 1;
    return {
      activations: { ...context.activations, [nodeId]: activation },
      subCases: { ...(context.subCases ?? {}), [nodeId]: context.caseId + '/' + taskIdOf(nodeId, activation) },
    };
  },
  forgetSubCase: ({ context }, { nodeId }) => {
    const subCases = { ...(context.subCases ?? {}) };
    delete subCases[nodeId];
    return { subCases };
  },
  openActivity: ({ context }, { nodeId }) => ({ activations: { ...context.activations, [nodeId]: (context.activations[nodeId] ?? 0) + 1 } }),
  openService: ({ context }, { nodeId }) => {
    const activation = (context.activations[nodeId] ?? 0) + 1;
    return {
      activations: { ...context.activations, [nodeId]: activation },
      services: { ...(context.services ?? {}), [nodeId]: { serviceId: taskIdOf(nodeId, activation), status: 'running' } },
    };
  },
  markIncident: ({ context, event }, { nodeId }) => {
    const invocation = context.services?.[nodeId];
    if (invocation === undefined) return {};
    return { services: { ...context.services, [nodeId]: { ...invocation, status: 'incident', error: String(event.error ?? '') } } };
  },
  forgetService: ({ context }, { nodeId }) => {
    const services = { ...(context.services ?? {}) };
    delete services[nodeId];
    return { services };
  },
  forgetTask: ({ context }, { nodeId }) => {
    const tasks = { ...context.tasks };
    delete tasks[nodeId];
    const set = context.instances?.[nodeId];
    return set === undefined ? { tasks } : { tasks, instances: { ...context.instances, [nodeId]: { ...set, open: [] } } };
  },
  mergeData: ({ context, event }) => (event.data ? { data: { ...context.data, ...event.data } } : {}),
  markSuspended: ({ context, event }, { nodeId }) => ({ suspension: { reason: 'supplement', nodeId, taskId: context.tasks[nodeId] ?? '', since: since(event) } }),
  markHeld: ({ event }) => ({
    suspension: {
      reason: event.reason,
      nodeId: typeof event.nodeId === 'string' ? event.nodeId : null,
      taskId: typeof event.taskId === 'string' ? event.taskId : null,
      since: since(event),
    },
  }),
  clearSuspension: () => ({ suspension: null }),
  armTimer: ({ context }, { nodeId, purpose, firstOnly }) => {
    if (firstOnly === true && (context.activations[nodeId] ?? 0) > 1) return {};
    return { timers: { ...(context.timers ?? {}), [timerIdOf(activationIdOf(context, nodeId), purpose)]: { nodeId, purpose } } };
  },
  dropTimer: ({ context }, { nodeId, purpose }) => {
    const timers = { ...(context.timers ?? {}) };
    delete timers[timerIdOf(activationIdOf(context, nodeId), purpose)];
    return { timers };
  },
  recordExtension: ({ context, event }, { nodeId, unit }) => ({
    extensions: { ...(context.extensions ?? {}), [String(event.taskId)]: { nodeId, by: { amount: Number(event.amount), unit }, reason: String(event.reason), status: 'requested' } },
  }),
  approveExtension: ({ context, event }) => {
    const requested = context.extensions?.[String(event.taskId)];
    return requested ? { extensions: { ...context.extensions, [String(event.taskId)]: { ...requested, status: 'approved' } } } : {};
  },
  refuseExtension: ({ context, event }) => {
    const requested = context.extensions?.[String(event.taskId)];
    const refused = requested && { ...requested, status: 'refused', refusalReason: String(event.reason) };
    return refused ? { extensions: { ...context.extensions, [String(event.taskId)]: refused } } : {};
  },
  acceptDeemed: ({ context }, { nodeId }) => ({ deemedAcceptance: { nodeId, taskId: context.tasks[nodeId] ?? '', acceptedAt: context.receivedAt ?? null } }),
  recordResult: ({ event }, { result }) => ({ result, resultReason: typeof event.reason === 'string' ? event.reason : null }),
  recordDecision: ({ context, event }, { nodeId, outcome, deemed }) => {
    const taskId = event.taskId ?? '';
    const decision = deemed === true ? { taskId, outcome: outcome ?? event.outcome ?? '', deemed: true } : { taskId, outcome: outcome ?? event.outcome ?? '' };
    if (typeof event.reason === 'string') decision.reason = event.reason;
    return { decisions: { ...(context.decisions ?? {}), [nodeId]: decision } };
  },
};

/** The actions that ask the host to act; the module hands each to onEffect({ type, params, context }). */
const effectTypes = [
  'createTask', 'closeTask', 'suspendCase', 'pauseCase', 'resumeCase', 'completeCase', 'escalate', 'notify', 'deemOutcome',
  'scheduleTimer', 'cancelTimer', 'deemAccepted', 'requestExtensionApproval', 'closeInstance', 'createAddedInstances',
  'closeRemovedInstance', 'startSubCase', 'cancelSubCase', 'invokeService', 'raiseIncident', 'extendDeadline', 'extensionRefused',
];

const guards = {
  feel: ({ context }, { expression }) => holds(expression, context.data),
  noneHolds: ({ context }, { expressions }) => !expressions.some((expression) => holds(expression, context.data)),
  taskOutcome: ({ context, event }, { nodeId, outcomes, reasons }) =>
    event.type === 'task.complete' && addressesOpenTask(context, event, nodeId) && outcomes.includes(event.outcome) && givesReason(event, reasons),
  taskReturn: ({ context, event }, { nodeId, returnTo, sole, reasons }) =>
    event.type === 'task.complete' &&
    addressesOpenTask(context, event, nodeId) &&
    event.outcome === 'return' &&
    (event.returnTo === returnTo || (sole && event.returnTo === undefined)) &&
    givesReason(event, reasons),
  taskBreach: ({ context, event }, { nodeId, limit }) =>
    event.type === 'task.slaBreach' && addressesOpenTask(context, event, nodeId) && breachLimit(event) === (limit ?? 'statutory'),
  serviceEvent: ({ context, event }, { nodeId, status }) => {
    if (event.type !== 'service.succeeded' && event.type !== 'service.failed' && event.type !== 'service.retry') return false;
    const invocation = context.services?.[nodeId];
    return event.nodeId === nodeId && invocation?.serviceId === event.serviceId && invocation.status === status && context.suspension === null;
  },
  instanceDecides: ({ context, event }, params) => {
    const set = context.instances?.[params.nodeId];
    if (set === undefined || !completesInstance(context, event, params, ['approve', 'reject'])) return false;
    return countersignOutcome(set, params.completion, String(event.outcome)) === params.outcome;
  },
  instanceOutcome: ({ context, event }, params) => completesInstance(context, event, params, params.outcomes),
  subCaseCompleted: ({ context, event }, { nodeId, results }) =>
    event.type === 'subCase.completed' &&
    event.nodeId === nodeId &&
    context.subCases?.[nodeId] === event.subCaseId &&
    context.suspension === null &&
    (results === null || results.includes(event.result)),
  removalDecides: ({ context, event }, { nodeId, outcome, completion }) => {
    const set = context.instances?.[nodeId];
    if (set === undefined || event.type !== 'task.removeSigner' || !set.open.includes(String(event.taskId))) return false;
    return countersignOutcome({ ...set, removed: [...(set.removed ?? []), String(event.taskId)] }, completion) === outcome;
  },
  noInstances: ({ context }, { nodeId }) => context.instances?.[nodeId]?.items.length === 0,
  extensionRequestable: ({ context, event }, { nodeId, cap }) => {
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
  extensionApprovable: ({ context, event }, { nodeId, approverRole }) =>
    event.type === 'task.approveExtension' &&
    addressesOpenTask(context, event, nodeId) &&
    event.approverRole === approverRole &&
    context.extensions?.[event.taskId]?.status === 'requested',
  extensionRefusable: ({ context, event }, { nodeId, approverRole }) =>
    event.type === 'task.refuseExtension' &&
    addressesOpenTask(context, event, nodeId) &&
    event.approverRole === approverRole &&
    typeof event.reason === 'string' &&
    event.reason.trim() !== '' &&
    context.extensions?.[event.taskId]?.status === 'requested',
  timerDue: ({ context, event }, params) => firesTimer(context, event, params),
  isSuspended: ({ context }) => context.suspension !== null,
  awaitsSupplement: ({ context }) => awaitsSupplement(context.suspension),
  canHold: ({ context, event }) =>
    context.suspension === null && suspensionReasons.includes(event.reason) && (event.nodeId === undefined || context.tasks[String(event.nodeId)] === event.taskId),
  isHeld: ({ context }) => context.suspension !== null && !awaitsSupplement(context.suspension),
};

/**
 * The machine, runnable as it is: createActor(machine, { input: { caseId, data } }). Its effect
 * actions do nothing; once done, its output is { result } (the result of the end event reached).
 */
export const machine = createMachine({ ...config, output: ({ context }) => ({ result: context.result }) }).provide({
  actions: {
    ...Object.fromEntries(Object.entries(updates).map(([type, update]) => [type, assign(update)])),
    ...Object.fromEntries(effectTypes.map((type) => [type, () => {}])),
  },
  guards,
});

/**
 * Completes an event with what the case already knows: the id of the open task of its nodeId (the
 * first open instance of a countersign) for task.* events, the pending timer of its nodeId for
 * timer.fired, the running invocation for service.* and the sub-case for subCase.completed.
 */
export function withCaseIds(context, event) {
  const nodeId = event.nodeId;
  const filled = { ...event };
  if (typeof nodeId !== 'string') return filled;
  if (event.type.startsWith('task.') && event.taskId === undefined) {
    const taskId = context.tasks[nodeId] ?? context.instances?.[nodeId]?.open[0];
    if (taskId !== undefined) filled.taskId = taskId;
  }
  if (event.type === 'timer.fired' && event.timerId === undefined) {
    const timerId = Object.keys(context.timers ?? {}).find((id) => context.timers[id].nodeId === nodeId);
    if (timerId !== undefined) filled.timerId = timerId;
  }
  if (event.type.startsWith('service.') && event.serviceId === undefined && context.services?.[nodeId]) filled.serviceId = context.services[nodeId].serviceId;
  if (event.type === 'subCase.completed' && event.subCaseId === undefined && context.subCases?.[nodeId]) filled.subCaseId = context.subCases[nodeId];
  return filled;
}

/**
 * Creates (does not start) an actor for one case. input: { caseId, data, receivedAt? } (ignored
 * when options.snapshot restores a persisted one). options.onEffect({ type, params, context }) is
 * called for each thing the host should do (createTask, closeTask, scheduleTimer, completeCase …).
 * The actor's send completes each event with withCaseIds first.
 */
export function createCaseActor(input, options = {}) {
  const onEffect = options.onEffect ?? (() => {});
  const effects = Object.fromEntries(effectTypes.map((type) => [type, ({ context }, params) => onEffect({ type, params: params ?? {}, context })]));
  const actor = createActor(machine.provide({ actions: effects }), {
    input,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
  });
  const send = actor.send.bind(actor);
  actor.send = (event) => send(withCaseIds(actor.getSnapshot().context, event));
  return actor;
}
`;
