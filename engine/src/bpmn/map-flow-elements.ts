import type { ModdleElement } from 'moddle';
import type {
  BpmnActivity,
  BpmnBoundaryEvent,
  BpmnCallActivity,
  BpmnCatchEvent,
  BpmnEndEvent,
  BpmnFlowElement,
  BpmnFormalExpression,
  BpmnLaneSet,
  BpmnProcess,
  BpmnMultiInstanceLoopCharacteristics,
  BpmnSequenceFlow,
  BpmnServiceTask,
  BpmnSubProcess,
  BpmnTask,
  BpmnTimerEventDefinition,
} from 'bpmn-moddle/types';
import { idSchema, slaActionSchema, slaLimitSchema } from '../definition/index.ts';
import type { Duration, SlaAction, SlaLimit, WorkflowDefinitionInput } from '../definition/index.ts';
import { shapeSizeOf } from './bpmn-shape-sizes.ts';
import { DefinitionIds } from './definition-ids.ts';
import type { BpmnTimerText } from './bpmn-diagnostic.types.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import { durationOfIsoText } from './iso-duration.ts';
import { extensionValues } from './extension-values.ts';
import { optional } from './optional-field.ts';
import { readCallExtensions } from './read-call-extensions.ts';
import { readDuration, reportUncountable } from './read-duration.ts';
import { readServiceExtensions } from './read-service-extensions.ts';
import type { ShapeBounds } from './read-diagram-bounds.ts';
import { readTaskExtensions } from './read-task-extensions.ts';
import { reportForeignExtensions } from './report-foreign-extensions.ts';
import type {
  TongbanBoundaryAttributes,
  TongbanCallAttributes,
  TongbanDuration,
  TongbanServiceAttributes,
  TongbanTaskAttributes,
} from './tongban-elements.types.ts';

type NodeInput = WorkflowDefinitionInput['nodes'][number];
type EdgeInput = WorkflowDefinitionInput['edges'][number];
/** The node types import makes by element type (a timer catch event, by its timer, makes a `timerEvent`); gateways carry nothing but the fields every node has. */
type MappedNodeType = 'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'callActivity' | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway';

/** The result an end event gets when the file names none (`tongban:result`). */
export const DEFAULT_END_RESULT = 'completed';

/** Why a flow element is not imported: the reason and what it quotes (`bpmn-unsupported-element` params without the element's own). */
type UnsupportedWhy =
  | { reason: 'no-counterpart' | 'boundary-not-timer' | 'boundary-without-flow' }
  | { reason: 'timer-not-elapsed-time'; timer: BpmnTimerText }
  | { reason: 'boundary-not-on-task'; attachedTo: string };

/** BPMN element types that become a node, and the node type each becomes. */
const nodeTypes: Partial<Record<string, MappedNodeType>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:Task': 'userTask',
  'bpmn:ManualTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
};

/**
 * Why an element Tongban has no counterpart for is left out, in English, for the elements met most
 * often (by BPMN type, e.g. `bpmn:ScriptTask`).
 */
export const BPMN_NO_COUNTERPART_REASONS: Readonly<Partial<Record<string, string>>> = {
  'bpmn:SubProcess': 'Tongban has no embedded sub-processes; draw its steps in the main flow, or publish them as a workflow of their own and call it',
  'bpmn:AdHocSubProcess': 'Tongban has no sub-processes; draw its steps in the main flow',
  'bpmn:Transaction': 'Tongban has no transactions',
  'bpmn:EventBasedGateway': 'Tongban routes on case data and outcomes, not on which event comes first',
  'bpmn:IntermediateThrowEvent': 'Tongban throws no events',
  'bpmn:IntermediateCatchEvent': 'Tongban waits only on tasks and timers',
  'bpmn:SendTask': 'Tongban sends no messages',
  'bpmn:ReceiveTask': 'Tongban receives no messages',
  'bpmn:ScriptTask': 'Tongban runs no scripts',
  'bpmn:BusinessRuleTask': 'Tongban evaluates no decision tables',
  'bpmn:DataObject': 'case data is described by the workflow data schema',
  'bpmn:DataObjectReference': 'case data is described by the workflow data schema',
  'bpmn:DataStoreReference': 'case data is described by the workflow data schema',
};

/** What the import needs to know of the document around the process element. */
export interface DocumentFacts {
  /** DI bounds by element id. */
  bounds: ReadonlyMap<string, ShapeBounds>;
  /** The document's `expressionLanguage`, the language of conditions that name none. */
  expressionLanguage?: string;
}

/** Nodes and edges read from one process element. */
export interface MappedFlowElements {
  nodes: NodeInput[];
  edges: EdgeInput[];
}

/** A flow element that becomes a node; a timer catch event carries the wait read from it. */
type NodeEntry = { element: ModdleElement<BpmnFlowElement>; key: string } & (
  | { type: MappedNodeType }
  | { type: 'timerEvent'; duration: Duration }
);

interface BreachEntry {
  boundary: ModdleElement<BpmnBoundaryEvent>;
  key: string;
  taskKey: string;
  settings: BreachSettings;
}

/** What an SLA edge's boundary event says about it: `cancelActivity`, `tongban:limit`, `tongban:action`. */
interface BreachSettings {
  interrupting?: boolean;
  limit?: SlaLimit;
  action?: SlaAction;
}

/**
 * Maps the flow elements of `process` to definition nodes and edges, keeping ids (rewritten only
 * where a BPMN id does not fit a definition id), names and DI positions (each node centred on its
 * shape). Each element becomes a node or an edge, or is reported: `bpmn-unsupported-element` for an element Tongban has no
 * counterpart for, `bpmn-dropped-flow` for a sequence flow whose end was not imported. A timer
 * boundary event on a task becomes, with its outgoing flows, the task's `slaBreach` edges.
 * @internal
 */
export function mapFlowElements(
  bpmnProcess: ModdleElement<BpmnProcess>,
  document: DocumentFacts,
  report: ImportReport,
): MappedFlowElements {
  const { bounds } = document;
  reportLanes(bpmnProcess.laneSets ?? [], report);
  for (const artifact of bpmnProcess.artifacts ?? []) {
    report.add(
      'bpmn-artifact-ignored',
      `${artifact.$type} '${artifact.id ?? ''}' is a diagram note and is not imported`,
      { elementId: artifact.id ?? '', elementType: artifact.$type },
      {},
    );
  }

  const elements = bpmnProcess.flowElements ?? [];
  const keys = new Map(elements.map((element, index) => [element, element.id ?? `unnamed-${index + 1}`]));
  const keyOf = (element: BpmnFlowElement | undefined): string | undefined => (element === undefined ? undefined : keys.get(element as ModdleElement<BpmnFlowElement>));

  const nodeEntries: NodeEntry[] = [];
  const boundaries: ModdleElement<BpmnBoundaryEvent>[] = [];
  const flows: ModdleElement<BpmnSequenceFlow>[] = [];
  for (const element of elements) {
    const key = keys.get(element) ?? '';
    const type = nodeTypes[element.$type];
    if (type !== undefined) nodeEntries.push({ element, key, type });
    else if (element.$type === 'bpmn:IntermediateCatchEvent' && timerOf(element as ModdleElement<BpmnCatchEvent>) !== undefined) {
      const wait = readWait(element as ModdleElement<BpmnCatchEvent>, key, report);
      if ('kind' in wait) reportUnsupported(element, key, { reason: 'timer-not-elapsed-time', timer: wait }, report);
      else nodeEntries.push({ element, key, type: 'timerEvent', duration: wait });
    } else if (element.$type === 'bpmn:SequenceFlow') flows.push(element as ModdleElement<BpmnSequenceFlow>);
    else if (element.$type === 'bpmn:BoundaryEvent') boundaries.push(element as ModdleElement<BpmnBoundaryEvent>);
    else reportUnsupported(element, key, { reason: 'no-counterpart' }, report);
  }

  const nodeByKey = new Map(nodeEntries.map((entry) => [entry.key, entry]));
  const breaches = new Map<string, BreachEntry>();
  for (const boundary of boundaries) {
    const key = keyOf(boundary) ?? '';
    const taskKey = keyOf(boundary.attachedToRef);
    const task = taskKey === undefined ? undefined : nodeByKey.get(taskKey);
    if (timerOf(boundary) === undefined) {
      reportUnsupported(boundary, key, { reason: 'boundary-not-timer' }, report);
    } else if (task === undefined || taskKey === undefined || task.type !== 'userTask') {
      reportUnsupported(boundary, key, { reason: 'boundary-not-on-task', attachedTo: taskKey ?? '' }, report);
    } else {
      breaches.set(key, { boundary, key, taskKey, settings: readBreachSettings(boundary, key, report) });
    }
  }

  const keptFlows: ModdleElement<BpmnSequenceFlow>[] = [];
  for (const flow of flows) {
    const key = keyOf(flow) ?? '';
    const sourceKey = keyOf(flow.sourceRef) ?? flow.sourceRef?.id;
    const targetKey = keyOf(flow.targetRef) ?? flow.targetRef?.id;
    const sourceKept = sourceKey !== undefined && (nodeByKey.has(sourceKey) || breaches.has(sourceKey));
    const targetKept = targetKey !== undefined && nodeByKey.has(targetKey);
    if (sourceKept && targetKept) {
      keptFlows.push(flow);
      continue;
    }
    const end = sourceKept ? 'target' : 'source';
    const endId = (sourceKept ? targetKey : sourceKey) ?? '';
    report.add(
      'bpmn-dropped-flow',
      `Sequence flow '${key}' is not imported: its ${end} '${endId}' was not imported`,
      { elementId: key, elementType: flow.$type },
      { end, endId },
    );
  }
  for (const breach of breaches.values()) {
    if (keptFlows.some((flow) => keyOf(flow.sourceRef) === breach.key)) continue;
    breaches.delete(breach.key);
    reportUnsupported(breach.boundary, breach.key, { reason: 'boundary-without-flow' }, report);
  }

  const ids = new DefinitionIds([...nodeEntries.map((entry) => entry.key), ...keptFlows.map((flow) => keyOf(flow) ?? '')]);
  const defaultFlows = new Set<BpmnSequenceFlow>();
  const nodes = nodeEntries.map((entry, index) => {
    const defaultFlow = (entry.element as BpmnActivity).default;
    if (defaultFlow !== undefined) defaultFlows.add(defaultFlow);
    return mapNode(entry, ids.of(entry.key), index, bounds, report);
  });
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  for (const breach of breaches.values()) {
    const taskId = ids.of(breach.taskKey);
    reportForeignExtensions(breach.boundary, { elementId: breach.key, elementType: breach.boundary.$type, nodeId: taskId }, report);
    applyTimerLimit(breach, nodeById.get(taskId), report);
  }

  const edges = keptFlows.map((flow, index) => {
    const key = keyOf(flow) ?? '';
    const sourceKey = keyOf(flow.sourceRef) ?? '';
    const breach = breaches.get(sourceKey);
    const ends = { source: ids.of(breach?.taskKey ?? sourceKey), target: ids.of(keyOf(flow.targetRef) ?? '') };
    const edge = mapFlow(flow, key, ids.of(key), ends, index, document.expressionLanguage, report);
    if (defaultFlows.has(flow)) edge.default = true;
    if (breach === undefined) return edge;
    edge.kind = 'slaBreach';
    Object.assign(edge, breach.settings);
    const boundaryName = breach.boundary.name?.trim();
    if (edge.label === undefined && boundaryName) edge.label = boundaryName;
    return edge;
  });
  return { nodes, edges };
}

function mapNode(entry: NodeEntry, id: string, index: number, bounds: ReadonlyMap<string, ShapeBounds>, report: ImportReport): NodeInput {
  const { element, key } = entry;
  const place: BpmnDiagnosticPlace = { elementId: key, elementType: element.$type, nodeId: id };
  if (id !== key) {
    report.add('bpmn-id-renamed', `${element.$type} '${key}' is node '${id}': a definition id starts with a letter and holds only letters, digits, '-' and '_'`, place, {
      newId: id,
    });
  }
  let name = element.name?.trim() ?? '';
  if (name === '') {
    name = id;
    report.add('bpmn-missing-name', `${element.$type} '${key}' has no name; it is named '${id}'`, { ...place, field: `nodes[${index}].name` }, { name: id });
  }
  reportForeignExtensions(element, place, report);
  const box = bounds.get(key);
  if (box === undefined) report.add('bpmn-missing-layout', `${element.$type} '${key}' has no shape in the diagram; it has no position`, place, {});
  const base = { id, name, ...optional('position', box === undefined ? undefined : positionOf(box, entry.type)) };

  switch (entry.type) {
    case 'startEvent':
      reportEventDefinitions(element as ModdleElement<BpmnCatchEvent>, key, 'a plain start event', place, report);
      return { ...base, type: entry.type };
    case 'endEvent': {
      reportEventDefinitions(element as ModdleElement<BpmnEndEvent>, key, 'a plain end event', place, report);
      let result = (element as BpmnEndEvent & { result?: string }).result?.trim() ?? '';
      if (result === '') {
        result = DEFAULT_END_RESULT;
        report.add(
          'bpmn-missing-result',
          `End event '${key}' names no tongban:result; a case ending there is '${DEFAULT_END_RESULT}'`,
          { ...place, field: `nodes[${index}].result` },
          { result: DEFAULT_END_RESULT },
        );
      }
      return { ...base, type: entry.type, result };
    }
    case 'userTask': {
      const task = element as ModdleElement<BpmnTask & TongbanTaskAttributes>;
      if (element.$type !== 'bpmn:UserTask') {
        report.add('bpmn-task-as-user-task', `${element.$type} '${key}' is imported as a user task`, place, {});
      }
      const fields = readTaskExtensions(task, { ...place, field: `nodes[${index}]` }, report);
      reportLoop(task, key, fields.multiInstance !== undefined, place, report);
      return { ...base, type: entry.type, ...fields };
    }
    case 'serviceTask': {
      const task = element as ModdleElement<BpmnServiceTask & TongbanServiceAttributes>;
      if (task.loopCharacteristics !== undefined) {
        const loopType = task.loopCharacteristics.$type;
        report.add('bpmn-ignored-detail', `The ${loopType} of service task '${key}' is not imported; the service is called once`, place, { detail: 'loop', loopType });
      }
      return { ...base, type: entry.type, ...readServiceExtensions(task, id, { ...place, field: `nodes[${index}]` }, report) };
    }
    case 'callActivity': {
      const call = element as ModdleElement<BpmnCallActivity & TongbanCallAttributes>;
      if (call.loopCharacteristics !== undefined) {
        const loopType = call.loopCharacteristics.$type;
        report.add('bpmn-ignored-detail', `The ${loopType} of call activity '${key}' is not imported; it starts one sub-case`, place, { detail: 'loop', loopType });
      }
      return { ...base, type: entry.type, ...readCallExtensions(call, id, { ...place, field: `nodes[${index}]` }, report) };
    }
    case 'timerEvent':
      return { ...base, type: entry.type, duration: entry.duration };
    default:
      return { ...base, type: entry.type };
  }
}

/**
 * Where a node of `type` drawn as `box` goes on the canvas: the top-left corner of the node's own
 * size (`shapeSizeOf`) centred where the shape was. Other tools draw smaller shapes (bpmn.io: tasks
 * 100 × 80, events 36 × 36, gateways 50 × 50); keeping each centre keeps their flows aligned and
 * their gaps shared on both sides, where keeping the corner would grow every shape into the gap on
 * its right. A shape at Tongban's own size keeps its corner.
 */
function positionOf(box: ShapeBounds, type: NodeEntry['type']): { x: number; y: number } {
  const size = shapeSizeOf(type);
  return { x: box.x + (box.width - size.width) / 2, y: box.y + (box.height - size.height) / 2 };
}

/**
 * What a task's BPMN loop loses: a standard loop, a multi-instance loop without the
 * `tongban:multiInstance` that says over whom, and the sequential order of one that has it (Tongban
 * opens every instance at once).
 */
function reportLoop(task: BpmnTask, key: string, countersigned: boolean, place: BpmnDiagnosticPlace, report: ImportReport): void {
  const loop = task.loopCharacteristics as ModdleElement<BpmnMultiInstanceLoopCharacteristics> | undefined;
  if (loop === undefined) return;
  if (!countersigned) {
    const why = loop.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? 'it names no tongban:multiInstance to say over whom' : 'Tongban repeats no task';
    report.add('bpmn-ignored-detail', `The ${loop.$type} of task '${key}' is not imported (${why}); the task runs once`, place, { detail: 'loop', loopType: loop.$type });
  } else if (loop.isSequential === true) {
    report.add('bpmn-ignored-detail', `The instances of task '${key}' are sequential in the file; Tongban opens them all at once`, place, { detail: 'sequential-instances' });
  }
}

/**
 * The wait of a timer catch event: `<tongban:wait amount unit/>`, else its `timeDuration` when it
 * is whole weeks, days or hours; else why it cannot be a Tongban wait.
 */
function readWait(event: ModdleElement<BpmnCatchEvent>, key: string, report: ImportReport): Duration | BpmnTimerText {
  const place: BpmnDiagnosticPlace = { elementId: key, elementType: event.$type };
  const [wait] = extensionValues<TongbanDuration>(event, 'tongban:Wait');
  const declared = readDuration(wait, 'wait', place, report);
  if (declared !== undefined) return declared;
  const timer = timerOf(event);
  const written = timerText(timer);
  const duration = written.kind === 'duration' ? durationOfIsoText(written.text) : undefined;
  if (duration === undefined) return written;
  reportUncountable(duration, 'wait', place, report);
  return duration;
}

/** What a timer event definition says: its `timeDuration` text, else that it has a date, a cycle, or no time. */
function timerText(timer: BpmnTimerEventDefinition | undefined): BpmnTimerText {
  const text = timer?.timeDuration?.body?.trim() ?? '';
  if (text !== '') return { kind: 'duration', text };
  if (timer?.timeDate !== undefined) return { kind: 'date' };
  if (timer?.timeCycle !== undefined) return { kind: 'cycle' };
  return { kind: 'none' };
}

/** `duration 'P1DT2H'`, `a date`, `a cycle`, `no time`: a timer's time in an English sentence. */
function timerWords(timer: BpmnTimerText): string {
  return timer.kind === 'duration' ? `duration '${timer.text}'` : timer.kind === 'none' ? 'no time' : `a ${timer.kind}`;
}

function mapFlow(
  flow: ModdleElement<BpmnSequenceFlow & { outcome?: string }>,
  key: string,
  id: string,
  { source, target }: { source: string; target: string },
  index: number,
  expressionLanguage: string | undefined,
  report: ImportReport,
): EdgeInput {
  const place: BpmnDiagnosticPlace = { elementId: key, elementType: flow.$type, edgeId: id };
  if (id !== key) {
    report.add('bpmn-id-renamed', `Sequence flow '${key}' is edge '${id}': a definition id starts with a letter and holds only letters, digits, '-' and '_'`, place, {
      newId: id,
    });
  }
  reportForeignExtensions(flow, place, report);
  let outcome = flow.outcome?.trim();
  if (outcome !== undefined && !idSchema.safeParse(outcome).success) {
    report.add(
      'bpmn-invalid-extension',
      `Sequence flow '${key}' has tongban:outcome '${outcome}', which is not an outcome id; it is left out`,
      { ...place, field: `edges[${index}].outcome` },
      { extension: 'tongban:outcome', value: outcome },
    );
    outcome = undefined;
  }
  const label = flow.name?.trim();
  return {
    id,
    source,
    target,
    ...optional('outcome', outcome),
    ...optional('condition', readCondition(flow, key, expressionLanguage, place, report)),
    ...optional('label', label === '' ? undefined : label),
  };
}

/**
 * FEEL in a `bpmn:conditionExpression`; Camunda 8 marks FEEL with a leading `=`, which is dropped.
 * Its language is its own `language`, else the document's `expressionLanguage`.
 */
function readCondition(
  flow: BpmnSequenceFlow,
  key: string,
  expressionLanguage: string | undefined,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): string | undefined {
  const expression = flow.conditionExpression as ModdleElement<BpmnFormalExpression> | undefined;
  let body = expression?.body?.trim() ?? '';
  if (body.startsWith('=')) body = body.slice(1).trim();
  if (body === '') return undefined;
  const language = expression?.language ?? expressionLanguage;
  if ((language !== undefined && !/feel/i.test(language)) || /^[$#]\{/.test(body)) {
    report.add(
      'bpmn-condition-language',
      `The condition of sequence flow '${key}' is written in ${language === undefined ? 'an expression language' : `'${language}'`}, not FEEL; it is kept as written: ${body}`,
      place,
      { ...optional('language', language), condition: body },
    );
  }
  return body;
}

/**
 * A timer boundary event's duration becomes the limit of its task the SLA edge watches (statutory
 * unless `tongban:limit` says otherwise) when the task names none; a time it cannot read is
 * reported, a timer without a time says nothing (validation asks for the limit).
 */
function applyTimerLimit(breach: BreachEntry, task: NodeInput | undefined, report: ImportReport): void {
  if (task?.type !== 'userTask') return;
  const place: BpmnDiagnosticPlace = { elementId: breach.key, elementType: breach.boundary.$type, nodeId: task.id };
  const limit = breach.settings.limit ?? 'statutory';
  if (task.sla?.[limit] !== undefined) return;
  const timer = timerText(timerOf(breach.boundary));
  if (timer.kind === 'none') return;
  const duration = timer.kind === 'duration' ? durationOfIsoText(timer.text) : undefined;
  if (duration === undefined) {
    report.add(
      'bpmn-ignored-detail',
      `The timer of boundary event '${breach.key}' (${timerWords(timer)}) is not a whole number of weeks, days or hours; give task '${task.id}' a ${limit} limit`,
      place,
      { detail: 'timer-time', timer, taskId: task.id, limit },
    );
    return;
  }
  reportUncountable(duration, limit, place, report);
  task.sla = { ...task.sla, [limit]: duration };
}

function readBreachSettings(boundary: ModdleElement<BpmnBoundaryEvent & TongbanBoundaryAttributes>, key: string, report: ImportReport): BreachSettings {
  const place: BpmnDiagnosticPlace = { elementId: key, elementType: boundary.$type };
  const settings: BreachSettings = {};
  // Interrupting is the default on both sides (BPMN's `cancelActivity`, Tongban's `interrupting`),
  // so only a non-interrupting event is said out loud.
  if (boundary.cancelActivity === false) settings.interrupting = false;
  if (boundary.limit !== undefined) {
    const parsed = slaLimitSchema.safeParse(boundary.limit.trim());
    if (parsed.success) settings.limit = parsed.data;
    else {
      report.add('bpmn-invalid-extension', `Boundary event '${key}' has tongban:limit '${boundary.limit}', which is not 'promised' or 'statutory'; it watches the statutory limit`, place, {
        extension: 'tongban:limit',
        value: boundary.limit,
        fallback: 'statutory',
      });
    }
  }
  if (boundary.action !== undefined) {
    const parsed = slaActionSchema.safeParse(boundary.action.trim());
    if (parsed.success) settings.action = parsed.data;
    else {
      report.add('bpmn-invalid-extension', `Boundary event '${key}' has tongban:action '${boundary.action}', which is not an SLA action; its default is used`, place, {
        extension: 'tongban:action',
        value: boundary.action,
      });
    }
  }
  return settings;
}

function timerOf(event: BpmnCatchEvent): ModdleElement<BpmnTimerEventDefinition> | undefined {
  return event.eventDefinitions?.find((definition) => definition.$type === 'bpmn:TimerEventDefinition') as
    | ModdleElement<BpmnTimerEventDefinition>
    | undefined;
}

function reportEventDefinitions(
  event: ModdleElement<BpmnCatchEvent | BpmnEndEvent>,
  key: string,
  becomes: string,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): void {
  const definitions = event.eventDefinitions ?? [];
  if (definitions.length === 0) return;
  const eventDefinitions = definitions.map((definition) => definition.$type);
  report.add('bpmn-ignored-detail', `${event.$type} '${key}' has ${eventDefinitions.join(', ')}; it is imported as ${becomes}`, place, {
    detail: 'event-definition',
    eventDefinitions,
  });
}

/** Why an element is not imported, as the English message says it. */
function unsupportedWords(elementType: string, why: UnsupportedWhy): string {
  switch (why.reason) {
    case 'no-counterpart':
      return BPMN_NO_COUNTERPART_REASONS[elementType] ?? 'Tongban has no such element';
    case 'timer-not-elapsed-time':
      return `its timer has ${timerWords(why.timer)}, and a Tongban wait is a whole number of weeks, days or hours (or a tongban:wait)`;
    case 'boundary-not-timer':
      return 'only a timer boundary event on a task has a Tongban counterpart (its SLA edge)';
    case 'boundary-not-on-task':
      return `it is attached to '${why.attachedTo}', which is not an imported task`;
    case 'boundary-without-flow':
      return 'no imported sequence flow leaves it, so it has no SLA edge to take';
  }
}

function reportUnsupported(element: ModdleElement<BpmnFlowElement>, key: string, why: UnsupportedWhy, report: ImportReport): void {
  const inside = (element as BpmnSubProcess).flowElements?.length;
  const name = foldedName(element.name);
  report.add(
    'bpmn-unsupported-element',
    `${element.$type} '${key}'${namePart(element.name)}${inside ? ` with ${inside} elements inside` : ''} is not imported: ${unsupportedWords(element.$type, why)}`,
    { elementId: key, elementType: element.$type },
    { ...why, ...optional('name', name === '' ? undefined : name), ...optional('innerElementCount', inside ? inside : undefined) },
  );
}

function reportLanes(laneSets: ModdleElement<BpmnLaneSet>[], report: ImportReport): void {
  for (const laneSet of laneSets) {
    for (const lane of laneSet.lanes ?? []) {
      const name = foldedName(lane.name);
      report.add(
        'bpmn-lane-ignored',
        `Lane '${lane.id ?? ''}'${namePart(lane.name)} is read but not imported: a task's department is its tongban:department`,
        { elementId: lane.id ?? '', elementType: lane.$type },
        name === '' ? {} : { name },
      );
      if (lane.childLaneSet !== undefined) reportLanes([lane.childLaneSet], report);
    }
  }
}

/** An element's name with the line breaks of a drawn label folded into spaces; `''` for none. */
function foldedName(name: string | undefined): string {
  return name?.replace(/\s+/g, ' ').trim() ?? '';
}

/** ` ('Archive Invoice')` for a named element, `''` otherwise. */
function namePart(name: string | undefined): string {
  const folded = foldedName(name);
  return folded === '' ? '' : ` ('${folded}')`;
}
