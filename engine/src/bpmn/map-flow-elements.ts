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
import { DefinitionIds } from './definition-ids.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import { durationOfIsoText } from './iso-duration.ts';
import { extensionValues } from './extension-values.ts';
import { optional } from './optional-field.ts';
import { readCallExtensions } from './read-call-extensions.ts';
import { readDuration } from './read-duration.ts';
import { readServiceExtensions } from './read-service-extensions.ts';
import type { ShapeBounds } from './read-diagram-bounds.ts';
import { readTaskExtensions } from './read-task-extensions.ts';
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

/** Why an element Tongban has no counterpart for is left out, for the elements met most often. */
const unsupportedReasons: Partial<Record<string, string>> = {
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
 * where a BPMN id does not fit a definition id), names and DI positions. Each element becomes a
 * node or an edge, or is reported: `bpmn-unsupported-element` for an element Tongban has no
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
    report.add('bpmn-artifact-ignored', `${artifact.$type} '${artifact.id ?? ''}' is a diagram note and is not imported`, {
      elementId: artifact.id ?? '',
      elementType: artifact.$type,
    });
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
      if (typeof wait === 'string') reportUnsupported(element, key, wait, report);
      else nodeEntries.push({ element, key, type: 'timerEvent', duration: wait });
    } else if (element.$type === 'bpmn:SequenceFlow') flows.push(element as ModdleElement<BpmnSequenceFlow>);
    else if (element.$type === 'bpmn:BoundaryEvent') boundaries.push(element as ModdleElement<BpmnBoundaryEvent>);
    else reportUnsupported(element, key, unsupportedReasons[element.$type] ?? 'Tongban has no such element', report);
  }

  const nodeByKey = new Map(nodeEntries.map((entry) => [entry.key, entry]));
  const breaches = new Map<string, BreachEntry>();
  for (const boundary of boundaries) {
    const key = keyOf(boundary) ?? '';
    const taskKey = keyOf(boundary.attachedToRef);
    const task = taskKey === undefined ? undefined : nodeByKey.get(taskKey);
    if (timerOf(boundary) === undefined) {
      reportUnsupported(boundary, key, 'only a timer boundary event on a task has a Tongban counterpart (its SLA edge)', report);
    } else if (task === undefined || taskKey === undefined || task.type !== 'userTask') {
      reportUnsupported(boundary, key, `it is attached to '${taskKey ?? ''}', which is not an imported task`, report);
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
    const missing = sourceKept ? `target '${targetKey ?? ''}'` : `source '${sourceKey ?? ''}'`;
    report.add('bpmn-dropped-flow', `Sequence flow '${key}' is not imported: its ${missing} was not imported`, {
      elementId: key,
      elementType: flow.$type,
    });
  }
  for (const breach of breaches.values()) {
    if (keptFlows.some((flow) => keyOf(flow.sourceRef) === breach.key)) continue;
    breaches.delete(breach.key);
    reportUnsupported(breach.boundary, breach.key, 'no imported sequence flow leaves it, so it has no SLA edge to take', report);
  }

  const ids = new DefinitionIds([...nodeEntries.map((entry) => entry.key), ...keptFlows.map((flow) => keyOf(flow) ?? '')]);
  const defaultFlows = new Set<BpmnSequenceFlow>();
  const nodes = nodeEntries.map((entry, index) => {
    const defaultFlow = (entry.element as BpmnActivity).default;
    if (defaultFlow !== undefined) defaultFlows.add(defaultFlow);
    return mapNode(entry, ids.of(entry.key), index, bounds, report);
  });
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  for (const breach of breaches.values()) applyTimerLimit(breach, nodeById.get(ids.of(breach.taskKey)), report);

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
    report.add('bpmn-id-renamed', `${element.$type} '${key}' is node '${id}': a definition id starts with a letter and holds only letters, digits, '-' and '_'`, place);
  }
  let name = element.name?.trim() ?? '';
  if (name === '') {
    name = id;
    report.add('bpmn-missing-name', `${element.$type} '${key}' has no name; it is named '${id}'`, { ...place, field: `nodes[${index}].name` });
  }
  const box = bounds.get(key);
  if (box === undefined) report.add('bpmn-missing-layout', `${element.$type} '${key}' has no shape in the diagram; it has no position`, place);
  const base = { id, name, ...optional('position', box === undefined ? undefined : { x: box.x, y: box.y }) };

  switch (entry.type) {
    case 'startEvent':
      reportEventDefinitions(element as ModdleElement<BpmnCatchEvent>, key, 'a plain start event', place, report);
      return { ...base, type: entry.type };
    case 'endEvent': {
      reportEventDefinitions(element as ModdleElement<BpmnEndEvent>, key, 'a plain end event', place, report);
      let result = (element as BpmnEndEvent & { result?: string }).result?.trim() ?? '';
      if (result === '') {
        result = DEFAULT_END_RESULT;
        report.add('bpmn-missing-result', `End event '${key}' names no tongban:result; a case ending there is '${DEFAULT_END_RESULT}'`, {
          ...place,
          field: `nodes[${index}].result`,
        });
      }
      return { ...base, type: entry.type, result };
    }
    case 'userTask': {
      const task = element as ModdleElement<BpmnTask & TongbanTaskAttributes>;
      if (element.$type !== 'bpmn:UserTask') {
        report.add('bpmn-task-as-user-task', `${element.$type} '${key}' is imported as a user task`, place);
      }
      const fields = readTaskExtensions(task, { ...place, field: `nodes[${index}]` }, report);
      reportLoop(task, key, fields.multiInstance !== undefined, place, report);
      return { ...base, type: entry.type, ...fields };
    }
    case 'serviceTask': {
      const task = element as ModdleElement<BpmnServiceTask & TongbanServiceAttributes>;
      if (task.loopCharacteristics !== undefined) {
        report.add('bpmn-ignored-detail', `The ${task.loopCharacteristics.$type} of service task '${key}' is not imported; the service is called once`, place);
      }
      return { ...base, type: entry.type, ...readServiceExtensions(task, id, { ...place, field: `nodes[${index}]` }, report) };
    }
    case 'callActivity': {
      const call = element as ModdleElement<BpmnCallActivity & TongbanCallAttributes>;
      if (call.loopCharacteristics !== undefined) {
        report.add('bpmn-ignored-detail', `The ${call.loopCharacteristics.$type} of call activity '${key}' is not imported; it starts one sub-case`, place);
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
 * What a task's BPMN loop loses: a standard loop, a multi-instance loop without the
 * `tongban:multiInstance` that says over whom, and the sequential order of one that has it (Tongban
 * opens every instance at once).
 */
function reportLoop(task: BpmnTask, key: string, countersigned: boolean, place: BpmnDiagnosticPlace, report: ImportReport): void {
  const loop = task.loopCharacteristics as ModdleElement<BpmnMultiInstanceLoopCharacteristics> | undefined;
  if (loop === undefined) return;
  if (!countersigned) {
    const why = loop.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? 'it names no tongban:multiInstance to say over whom' : 'Tongban repeats no task';
    report.add('bpmn-ignored-detail', `The ${loop.$type} of task '${key}' is not imported (${why}); the task runs once`, place);
  } else if (loop.isSequential === true) {
    report.add('bpmn-ignored-detail', `The instances of task '${key}' are sequential in the file; Tongban opens them all at once`, place);
  }
}

/**
 * The wait of a timer catch event: `<tongban:wait amount unit/>`, else its `timeDuration` when it
 * is whole weeks, days or hours; else why it cannot be a Tongban wait.
 */
function readWait(event: ModdleElement<BpmnCatchEvent>, key: string, report: ImportReport): Duration | string {
  const place: BpmnDiagnosticPlace = { elementId: key, elementType: event.$type };
  const [wait] = extensionValues<TongbanDuration>(event, 'tongban:Wait');
  const declared = readDuration(wait, 'The wait', place, report);
  if (declared !== undefined) return declared;
  const timer = timerOf(event);
  const text = timer?.timeDuration?.body?.trim() ?? '';
  const duration = durationOfIsoText(text);
  if (duration !== undefined) return duration;
  const written = text !== '' ? `duration '${text}'` : timer?.timeDate !== undefined ? 'a date' : timer?.timeCycle !== undefined ? 'a cycle' : 'no time';
  return `its timer has ${written}, and a Tongban wait is a whole number of weeks, days or hours (or a tongban:wait)`;
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
    report.add('bpmn-id-renamed', `Sequence flow '${key}' is edge '${id}': a definition id starts with a letter and holds only letters, digits, '-' and '_'`, place);
  }
  let outcome = flow.outcome?.trim();
  if (outcome !== undefined && !idSchema.safeParse(outcome).success) {
    report.add('bpmn-invalid-extension', `Sequence flow '${key}' has tongban:outcome '${outcome}', which is not an outcome id; it is left out`, {
      ...place,
      field: `edges[${index}].outcome`,
    });
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
  const timer = timerOf(breach.boundary);
  const text = timer?.timeDuration?.body?.trim() ?? '';
  const written = text !== '' ? `duration '${text}'` : timer?.timeDate !== undefined ? 'a date' : timer?.timeCycle !== undefined ? 'a cycle' : undefined;
  if (written === undefined) return;
  const duration = durationOfIsoText(text);
  if (duration === undefined) {
    report.add(
      'bpmn-ignored-detail',
      `The timer of boundary event '${breach.key}' (${written}) is not a whole number of weeks, days or hours; give task '${task.id}' a ${limit} limit`,
      place,
    );
    return;
  }
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
    else report.add('bpmn-invalid-extension', `Boundary event '${key}' has tongban:limit '${boundary.limit}', which is not 'promised' or 'statutory'; it watches the statutory limit`, place);
  }
  if (boundary.action !== undefined) {
    const parsed = slaActionSchema.safeParse(boundary.action.trim());
    if (parsed.success) settings.action = parsed.data;
    else report.add('bpmn-invalid-extension', `Boundary event '${key}' has tongban:action '${boundary.action}', which is not an SLA action; its default is used`, place);
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
  report.add('bpmn-ignored-detail', `${event.$type} '${key}' has ${definitions.map((d) => d.$type).join(', ')}; it is imported as ${becomes}`, place);
}

function reportUnsupported(element: ModdleElement<BpmnFlowElement>, key: string, reason: string, report: ImportReport): void {
  const inside = (element as BpmnSubProcess).flowElements?.length;
  report.add(
    'bpmn-unsupported-element',
    `${element.$type} '${key}'${namePart(element.name)}${inside ? ` with ${inside} elements inside` : ''} is not imported: ${reason}`,
    { elementId: key, elementType: element.$type },
  );
}

function reportLanes(laneSets: ModdleElement<BpmnLaneSet>[], report: ImportReport): void {
  for (const laneSet of laneSets) {
    for (const lane of laneSet.lanes ?? []) {
      report.add(
        'bpmn-lane-ignored',
        `Lane '${lane.id ?? ''}'${namePart(lane.name)} is read but not imported: a task's department is its tongban:department`,
        { elementId: lane.id ?? '', elementType: lane.$type },
      );
      if (lane.childLaneSet !== undefined) reportLanes([lane.childLaneSet], report);
    }
  }
}

/** ` ('Archive Invoice')` for a named element (line breaks of a drawn label folded into spaces), `''` otherwise. */
function namePart(name: string | undefined): string {
  const folded = name?.replace(/\s+/g, ' ').trim() ?? '';
  return folded === '' ? '' : ` ('${folded}')`;
}
