import type { CallActivity, MultiInstance, ServiceTask, TimerEvent, UserTask, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '../definition/index.ts';
import { offeredOutcomes, outcomeNeedsReason, slaEdgeBehaviour } from '../definition/index.ts';
import type { DefinitionAnalysis } from '../validate/analyze-definition.ts';
import type { ParallelBlock } from '../validate/analyze-blocks.ts';
import { gatewayRole, ROOT_CONTAINER } from '../validate/analyze-blocks.ts';
import { forwardOutgoing, isReturnEdge } from '../validate/definition-graph.ts';
import { returnCrossing } from '../validate/return-crossing.ts';
import { emptyCaseContext } from './case-context.ts';
import { checkImplementations } from './check-implementations.ts';
import type { CompileResult } from './compile.ts';
import { ENGINE_VERSION } from './engine-version.ts';
import type { ActionRef, GuardRef, JsonValue, MachineConfigJson, StateJson, TransitionJson } from './machine-config.types.ts';
import { REGION_DONE, REGION_GATE, WITHDRAWN_RESULT, WITHDRAWN_STATE } from './machine-config.types.ts';

const MERGE: ActionRef = { type: 'mergeData' };

/** What every decision of a clerk does to the context, before routing: its data, and the decision. */
const decided = (nodeId: string): ActionRef[] => [MERGE, { type: 'recordDecision', params: { nodeId } }];

/**
 * The outcomes of `task` that need a reason, each with the form field that can hold it (`null`:
 * the completion gives `reason` directly).
 */
function reasonsOf(schemaVersion: WorkflowDefinition['schemaVersion'], task: UserTask): Record<string, string | null> {
  const reasons: Record<string, string | null> = {};
  for (const outcome of task.outcomes) {
    if (outcomeNeedsReason(schemaVersion, outcome)) reasons[outcome.id] = outcome.reasonField ?? null;
  }
  return reasons;
}

/**
 * Compiles an analysis that has no error diagnostics.
 * @internal
 */
export function compileAnalysis(analysis: DefinitionAnalysis): CompileResult {
  const { graph, structure } = analysis;
  const { definition } = graph;
  const members = new Map<string, WorkflowNode[]>();
  for (const node of definition.nodes) {
    const container = structure.containerOf.get(node.id);
    if (container === undefined || graph.nodes.get(node.id) !== node) continue;
    const list = members.get(container) ?? [];
    list.push(node);
    members.set(container, list);
  }
  let stateCount = 0;

  const targetOf = (edge: WorkflowEdge, fromContainer: string): string => {
    const split = structure.splitOfJoin.get(edge.target);
    if (split !== undefined && structure.regions.get(fromContainer)?.splitId === split) return REGION_DONE;
    return `#${edge.target}`;
  };
  const go = (edge: WorkflowEdge, fromContainer: string, extra: Omit<TransitionJson, 'target'> = {}): TransitionJson => {
    const target = targetOf(edge, fromContainer);
    return { target, ...extra, ...(edge.target === edge.source ? { reenter: true } : {}) };
  };
  const forward = (nodeId: string): WorkflowEdge[] => forwardOutgoing(graph, nodeId);

  /**
   * The guard of a completion of `task` with one of `outcomes` (`taskOutcome`), or of its return
   * (`taskReturn`, with `params`), asking for a reason where one is needed.
   */
  const outcomeGuard = (task: UserTask, outcomes: string[], type = 'taskOutcome', params: { [key: string]: JsonValue } = { outcomes }): GuardRef => {
    const all = reasonsOf(definition.schemaVersion, task);
    const needed = outcomes.filter((outcome) => outcome in all);
    const reasons = Object.fromEntries(needed.map((outcome) => [outcome, all[outcome] as string | null]));
    return { type, params: { nodeId: task.id, ...params, ...(needed.length > 0 ? { reasons } : {}) } };
  };

  const returnTransition = (task: UserTask, edge: WorkflowEdge, fromContainer: string, sole: boolean): TransitionJson => {
    const crossing = returnCrossing(structure, fromContainer, structure.containerOf.get(edge.target) as string);
    const doneBranches = crossing.entered.flatMap((region) =>
      (structure.blocks.get(region.splitId) as ParallelBlock).regions
        .filter((other) => other.id !== region.id)
        .map((other) => `#${other.splitId}.${other.edgeId}.${REGION_DONE}`),
    );
    return {
      target: doneBranches.length > 0 ? [`#${edge.target}`, ...doneBranches] : `#${edge.target}`,
      guard: outcomeGuard(task, ['return'], 'taskReturn', { returnTo: edge.target, sole }),
      actions: decided(task.id),
    };
  };

  /**
   * An SLA edge as a `task.slaBreach` transition: an interrupting one leaves the task for the
   * edge's target, escalating or deeming an outcome; a non-interrupting one stays, and escalates
   * or notifies.
   */
  const slaTransition = (edge: WorkflowEdge, container: string): TransitionJson => {
    const { interrupting, limit, action } = slaEdgeBehaviour(edge);
    const guard = { type: 'taskBreach', params: { nodeId: edge.source, limit } };
    const deemed = action === 'deemedApproval' ? 'approve' : action === 'deemedRejection' ? 'reject' : undefined;
    const actions: ActionRef[] =
      deemed === undefined
        ? [{ type: action, params: { nodeId: edge.source, edgeId: edge.id, limit } }]
        : [
            { type: 'recordDecision', params: { nodeId: edge.source, outcome: deemed, deemed: true } },
            { type: 'deemOutcome', params: { nodeId: edge.source, outcome: deemed } },
          ];
    return interrupting ? go(edge, container, { guard, actions }) : { guard, actions };
  };

  const userTaskState = (task: UserTask, container: string): StateJson => {
    const offered = offeredOutcomes(task);
    const outgoing = graph.outgoing.get(task.id) ?? [];
    const returns = outgoing.filter((edge) => isReturnEdge(graph, edge));
    const slaEdges = outgoing.filter((edge) => edge.kind === 'slaBreach');
    const routing = outgoing.filter((edge) => edge.kind !== 'slaBreach' && !isReturnEdge(graph, edge));
    const named = routing.filter((edge) => edge.outcome !== undefined);
    const catchAll = routing.find((edge) => edge.outcome === undefined);
    const completions: TransitionJson[] = named.map((edge) =>
      go(edge, container, { guard: outcomeGuard(task, [edge.outcome as string]), actions: decided(task.id) }),
    );
    completions.push(...returns.map((edge) => returnTransition(task, edge, container, returns.length === 1)));
    if (catchAll) {
      const routed = new Set(named.map((edge) => edge.outcome));
      const rest = offered.filter((o) => !routed.has(o) && o !== 'return' && o !== 'requestSupplement');
      completions.push(go(catchAll, container, { guard: outcomeGuard(task, rest), actions: decided(task.id) }));
    }
    const countersign = task.multiInstance ? countersignTransitions(task, named, catchAll, container) : undefined;
    if (countersign) completions.splice(0, completions.length, ...countersign.completions);
    const acceptance = task.acceptanceDeadline === undefined || task.multiInstance ? undefined : { nodeId: task.id, purpose: 'acceptance' };
    const stopAcceptance: ActionRef[] = acceptance ? [{ type: 'cancelTimer', params: acceptance }, { type: 'dropTimer', params: acceptance }] : [];
    if (offered.includes('requestSupplement')) {
      completions.push({
        guard: outcomeGuard(task, ['requestSupplement']),
        actions: [
          MERGE,
          { type: 'markSuspended', params: { nodeId: task.id } },
          ...stopAcceptance,
          { type: 'suspendCase', params: { nodeId: task.id } },
        ],
      });
    }
    const on: Record<string, TransitionJson[]> = { 'task.complete': completions };
    if (countersign) {
      on['task.addSigners'] = countersign.addSigners;
      on['task.removeSigner'] = countersign.removeSigner;
    }
    if (slaEdges.length > 0) on['task.slaBreach'] = slaEdges.map((edge) => slaTransition(edge, container));
    if (task.extension) {
      const { approverRole, cap } = task.extension;
      on['task.requestExtension'] = [
        {
          guard: { type: 'extensionRequestable', params: { nodeId: task.id, cap } },
          actions: [
            { type: 'recordExtension', params: { nodeId: task.id, unit: cap.unit } },
            { type: 'requestExtensionApproval', params: { nodeId: task.id, approverRole } },
          ],
        },
      ];
      on['task.approveExtension'] = [
        {
          guard: { type: 'extensionApprovable', params: { nodeId: task.id, approverRole } },
          actions: [{ type: 'approveExtension', params: { nodeId: task.id } }, { type: 'extendDeadline', params: { nodeId: task.id } }],
        },
      ];
      on['task.refuseExtension'] = [
        {
          guard: { type: 'extensionRefusable', params: { nodeId: task.id, approverRole } },
          actions: [{ type: 'refuseExtension', params: { nodeId: task.id } }, { type: 'extensionRefused', params: { nodeId: task.id } }],
        },
      ];
    }
    if (acceptance) {
      on['timer.fired'] = [
        {
          guard: { type: 'timerDue', params: acceptance },
          actions: [
            { type: 'acceptDeemed', params: { nodeId: task.id } },
            { type: 'deemAccepted', params: { nodeId: task.id } },
            { type: 'dropTimer', params: acceptance },
          ],
        },
      ];
    }
    const reasons = reasonsOf(definition.schemaVersion, task);
    const reasonFields = Object.fromEntries(
      task.outcomes.flatMap((outcome) => (outcome.reasonField === undefined ? [] : [[outcome.id, outcome.reasonField] as const])),
    );
    return {
      id: task.id,
      meta: {
        nodeType: 'userTask',
        outcomes: offered,
        returnTargets: returns.map((edge) => edge.target),
        slaBreach: slaEdges.length > 0,
        ...(Object.keys(reasons).length > 0 ? { reasonRequired: Object.keys(reasons) } : {}),
        ...(Object.keys(reasonFields).length > 0 ? { reasonFields } : {}),
        ...(task.extension ? { extension: task.extension } : {}),
      },
      entry: [
        task.multiInstance
          ? { type: 'openInstances', params: { nodeId: task.id, over: task.multiInstance.over, items: task.multiInstance.items } }
          : { type: 'openTask', params: { nodeId: task.id } },
        { type: 'createTask', params: { nodeId: task.id } },
        ...(acceptance && task.acceptanceDeadline
          ? [
              { type: 'armTimer', params: { ...acceptance, firstOnly: true } },
              { type: 'scheduleTimer', params: { ...acceptance, duration: task.acceptanceDeadline } },
            ]
          : []),
      ],
      exit: [{ type: 'closeTask', params: { nodeId: task.id } }, ...stopAcceptance, { type: 'forgetTask', params: { nodeId: task.id } }],
      ...(countersign?.always ? { always: countersign.always } : {}),
      on,
    };
  };

  /**
   * The completions of a multi-instance task (会签): an instance's decision that decides the step
   * takes the edge of the step's outcome; any other closes the instance and waits for the rest.
   * With no instance at all the step passes on as approved. Added signers (加签) are new instances;
   * a removed one (减签) stops counting, and the step takes the edge of its outcome at once when the
   * instances left decide it.
   */
  const countersignTransitions = (
    task: UserTask,
    named: WorkflowEdge[],
    catchAll: WorkflowEdge | undefined,
    container: string,
  ): { completions: TransitionJson[]; always: TransitionJson[] | undefined; addSigners: TransitionJson[]; removeSigner: TransitionJson[] } => {
    const completion = (task.multiInstance as MultiInstance).completion;
    const offered = offeredOutcomes(task);
    const all = reasonsOf(definition.schemaVersion, task);
    const reasons: { [key: string]: JsonValue } = Object.keys(all).length > 0 ? { reasons: all } : {};
    const record: ActionRef[] = [MERGE, { type: 'recordInstance', params: { nodeId: task.id } }];
    const edgeFor = (outcome: string): WorkflowEdge | undefined => named.find((edge) => edge.outcome === outcome) ?? catchAll;
    const completions: TransitionJson[] = [];
    for (const outcome of ['approve', 'reject']) {
      const edge = edgeFor(outcome);
      if (edge === undefined) continue;
      completions.push(
        go(edge, container, {
          guard: { type: 'instanceDecides', params: { nodeId: task.id, outcome, completion, ...reasons } },
          actions: [...record, { type: 'recordCountersign', params: { nodeId: task.id, outcome } }],
        }),
      );
    }
    completions.push({
      guard: { type: 'instanceOutcome', params: { nodeId: task.id, outcomes: offered, ...reasons } },
      actions: [...record, { type: 'closeInstance', params: { nodeId: task.id } }],
    });
    const approved = edgeFor('approve');
    const always = approved
      ? [go(approved, container, { guard: { type: 'noInstances', params: { nodeId: task.id } }, actions: [{ type: 'recordCountersign', params: { nodeId: task.id, outcome: 'approve' } }] })]
      : undefined;
    const node = { nodeId: task.id };
    const addSigners: TransitionJson[] = [{ actions: [{ type: 'addInstances', params: node }, { type: 'createAddedInstances', params: node }] }];
    const removeSigner: TransitionJson[] = [];
    for (const outcome of ['approve', 'reject']) {
      const edge = edgeFor(outcome);
      if (edge === undefined) continue;
      removeSigner.push(
        go(edge, container, {
          guard: { type: 'removalDecides', params: { nodeId: task.id, outcome, completion } },
          actions: [{ type: 'removeInstance', params: node }, { type: 'recordCountersign', params: { nodeId: task.id, outcome } }],
        }),
      );
    }
    removeSigner.push({ actions: [{ type: 'removeInstance', params: node }, { type: 'closeRemovedInstance', params: node }] });
    return { completions, always, addSigners, removeSigner };
  };

  const serviceState = (node: ServiceTask, container: string): StateJson => {
    const [next] = forward(node.id);
    const running = { type: 'serviceEvent', params: { nodeId: node.id, status: 'running' } };
    return {
      id: node.id,
      meta: { nodeType: 'serviceTask' },
      entry: [
        { type: 'openService', params: { nodeId: node.id } },
        { type: 'invokeService', params: { nodeId: node.id, implementation: node.implementation, retry: node.retry ?? null } },
      ],
      exit: [{ type: 'forgetService', params: { nodeId: node.id } }],
      on: {
        'service.succeeded': [next ? go(next, container, { guard: running, actions: [MERGE] }) : { guard: running, actions: [MERGE] }],
        'service.failed': [{ guard: running, actions: [{ type: 'markIncident', params: { nodeId: node.id } }, { type: 'raiseIncident', params: { nodeId: node.id } }] }],
        'service.retry': [{ target: `#${node.id}`, reenter: true, guard: { type: 'serviceEvent', params: { nodeId: node.id, status: 'incident' } } }],
      },
    };
  };

  const timerState = (node: TimerEvent, container: string): StateJson => {
    const [next] = forward(node.id);
    const timer = { nodeId: node.id, purpose: 'timerEvent' };
    const fired = { guard: { type: 'timerDue', params: timer } };
    return {
      id: node.id,
      meta: { nodeType: 'timerEvent' },
      entry: [
        { type: 'openActivity', params: { nodeId: node.id } },
        { type: 'armTimer', params: timer },
        { type: 'scheduleTimer', params: { ...timer, duration: node.duration } },
      ],
      exit: [
        { type: 'cancelTimer', params: timer },
        { type: 'dropTimer', params: timer },
      ],
      on: { 'timer.fired': [next ? go(next, container, fired) : fired] },
    };
  };

  const callState = (node: CallActivity, container: string): StateJson => {
    const outgoing = forward(node.id);
    const named = outgoing.filter((edge) => edge.outcome !== undefined);
    const rest = outgoing.find((edge) => edge.outcome === undefined);
    const returned = (results: string[] | null): GuardRef => ({ type: 'subCaseCompleted', params: { nodeId: node.id, results } });
    const done = [
      ...named.map((edge) => go(edge, container, { guard: returned([edge.outcome as string]), actions: [MERGE] })),
      ...(rest ? [go(rest, container, { guard: returned(null), actions: [MERGE] })] : []),
    ];
    return {
      id: node.id,
      meta: { nodeType: 'callActivity' },
      entry: [
        { type: 'openSubCase', params: { nodeId: node.id } },
        {
          type: 'startSubCase',
          params: { nodeId: node.id, definitionKey: node.calledElement, version: node.version ?? null, inputs: node.inputs ?? null },
        },
      ],
      exit: [
        { type: 'cancelSubCase', params: { nodeId: node.id } },
        { type: 'forgetSubCase', params: { nodeId: node.id } },
      ],
      on: { 'subCase.completed': done },
    };
  };

  const exclusiveState = (nodeId: string, container: string): StateJson => {
    const outgoing = forward(nodeId);
    const conditional = outgoing.filter((edge) => edge.default !== true && edge.condition !== undefined);
    const rest = outgoing.filter((edge) => !conditional.includes(edge));
    return {
      id: nodeId,
      always: [
        ...conditional.map((edge) => go(edge, container, { guard: { type: 'feel', params: { expression: edge.condition as string } } })),
        ...rest.map((edge) => go(edge, container)),
      ],
    };
  };

  /**
   * The eventless test an inclusive branch starts with: enter the branch when its condition holds
   * (the default branch: when no condition of its siblings holds), else end it at once.
   */
  const inclusiveGate = (block: ParallelBlock, edge: WorkflowEdge): StateJson | undefined => {
    const siblings = forward(block.splitId);
    const enter = { target: edge.target === block.joinId ? REGION_DONE : edge.target };
    if (edge.default === true) {
      if (siblings.some((other) => other.default !== true && other.condition === undefined)) return { always: [{ target: REGION_DONE }] };
      const expressions = siblings.filter((other) => other.default !== true && other.condition !== undefined).map((other) => other.condition as string);
      return { always: [{ ...enter, guard: { type: 'noneHolds', params: { expressions } } }, { target: REGION_DONE }] };
    }
    if (edge.condition === undefined) return undefined;
    return { always: [{ ...enter, guard: { type: 'feel', params: { expression: edge.condition } } }, { target: REGION_DONE }] };
  };

  const parallelState = (block: ParallelBlock): StateJson => {
    const edges = new Map(forward(block.splitId).map((edge) => [edge.id, edge]));
    const states: Record<string, StateJson> = {};
    for (const region of block.regions) {
      const inner = containerStates(region.id);
      inner[REGION_DONE] = { type: 'final' };
      stateCount += 1;
      const entersJoin = region.entry === block.joinId;
      const gate = block.kind === 'inclusiveGateway' ? inclusiveGate(block, edges.get(region.edgeId) as WorkflowEdge) : undefined;
      if (gate) {
        inner[REGION_GATE] = gate;
        stateCount += 1;
      }
      states[region.edgeId] = { initial: gate ? REGION_GATE : entersJoin ? REGION_DONE : region.entry, states: inner };
    }
    return { id: block.splitId, type: 'parallel', states, onDone: { target: `#${block.joinId as string}` } };
  };

  const nodeState = (node: WorkflowNode, container: string): StateJson => {
    switch (node.type) {
      case 'startEvent':
        return { id: node.id, always: forward(node.id).map((edge) => go(edge, container)) };
      case 'endEvent':
        return {
          id: node.id,
          type: 'final',
          entry: [
            { type: 'recordResult', params: { result: node.result } },
            { type: 'completeCase', params: { nodeId: node.id, result: node.result } },
          ],
          output: { result: node.result },
        };
      case 'userTask':
        return userTaskState(node, container);
      case 'serviceTask':
        return serviceState(node, container);
      case 'timerEvent':
        return timerState(node, container);
      case 'callActivity':
        return callState(node, container);
      case 'exclusiveGateway':
        return exclusiveState(node.id, container);
      case 'parallelGateway':
      case 'inclusiveGateway': {
        const block = gatewayRole(graph, node.id) === 'split' ? structure.blocks.get(node.id) : undefined;
        if (block) return parallelState(block);
        return { id: node.id, always: forward(node.id).map((edge) => go(edge, container)) };
      }
    }
  };

  function containerStates(container: string): Record<string, StateJson> {
    const states: Record<string, StateJson> = {};
    for (const node of members.get(container) ?? []) {
      states[node.id] = nodeState(node, container);
      stateCount += 1;
    }
    return states;
  }

  const start = [...graph.nodes.values()].find((node) => node.type === 'startEvent') as WorkflowNode;
  const states = containerStates(ROOT_CONTAINER);
  states[WITHDRAWN_STATE] = {
    id: WITHDRAWN_STATE,
    type: 'final',
    entry: [
      { type: 'recordResult', params: { result: WITHDRAWN_RESULT } },
      { type: 'completeCase', params: { nodeId: WITHDRAWN_STATE, result: WITHDRAWN_RESULT } },
    ],
    output: { result: WITHDRAWN_RESULT },
  };
  stateCount += 1;
  const machine: MachineConfigJson = {
    id: `${definition.key}@${definition.version}`,
    version: String(definition.version),
    initial: start.id,
    context: emptyCaseContext(),
    options: { maxIterations: 4 * stateCount + 16 },
    entry: [{ type: 'initCase' }],
    on: {
      'case.supplement': [
        { guard: { type: 'awaitsSupplement' }, actions: [MERGE, { type: 'clearSuspension' }, { type: 'resumeCase' }] },
      ],
      'case.suspend': [{ guard: { type: 'canHold' }, actions: [{ type: 'markHeld' }, { type: 'pauseCase' }] }],
      'case.resume': [{ guard: { type: 'isHeld' }, actions: [MERGE, { type: 'clearSuspension' }, { type: 'resumeCase' }] }],
      'case.withdraw': [{ target: `#${WITHDRAWN_STATE}`, actions: [{ type: 'clearSuspension' }] }],
    },
    states,
  };
  checkImplementations(machine);
  return { machine, meta: { key: definition.key, version: definition.version, engine: ENGINE_VERSION } };
}
