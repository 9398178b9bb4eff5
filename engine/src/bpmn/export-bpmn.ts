import type { ModdleElement } from 'moddle';
import type { BpmnModdle } from 'bpmn-moddle';
import type { BpmnActivity, BpmnBoundaryEvent, BpmnFlowElement, BpmnFlowNode, BpmnSequenceFlow } from 'bpmn-moddle/types';
import { ENGINE_VERSION } from '../compile/engine-version.ts';
import { definitionSchema } from '../definition/index.ts';
import type { WorkflowDefinition, WorkflowDefinitionInput, WorkflowEdge, WorkflowNode } from '../definition/index.ts';
import { BpmnExportError } from './bpmn-export.error.ts';
import { bpmnModdle } from './bpmn-moddle-instance.ts';
import { firstIssue } from './extension-values.ts';
import { isoTextOfDuration } from './iso-duration.ts';
import { writeDiagram } from './write-diagram.ts';
import { durationElement, writeNodeElement } from './write-node-element.ts';

/**
 * The expression language of exported conditions: the FEEL namespace of DMN 1.3
 * (https://www.omg.org/spec/DMN/1.3), as FEEL tools such as Camunda's name it.
 */
export const FEEL_LANGUAGE_URI = 'https://www.omg.org/spec/DMN/20191111/FEEL/';

/** Node types whose BPMN element has a `default` flow attribute (gateways that choose, tasks). */
const TYPES_WITH_DEFAULT = new Set(['exclusiveGateway', 'inclusiveGateway', 'userTask']);

/**
 * Writes a workflow definition as BPMN 2.0 XML: one `bpmn:process` holding every node and edge
 * with Tongban's fields in the `tongban:` extension (`TONGBAN_BPMN_NAMESPACE`), and BPMN DI
 * (a shape per node, sized as the console draws it, at its `position`; an edge per flow with
 * orthogonal waypoints) so Camunda Modeler and bpmn.io open it with its layout. An `slaBreach`
 * edge becomes a timer boundary event on its task and a sequence flow from it. `importBpmn` reads
 * the result back to the same definition (`engine/docs/bpmn.md` lists the few exceptions).
 *
 * Pure: performs no I/O (asynchronous only because the XML writer is).
 *
 * @throws BpmnExportError when `definition` does not fit the definition schema, or holds a node
 *   type BPMN export does not draw.
 */
export async function exportBpmn(definition: WorkflowDefinitionInput | WorkflowDefinition): Promise<string> {
  const parsed = definitionSchema.safeParse(definition);
  const key = typeof definition.key === 'string' ? definition.key : '';
  if (!parsed.success) throw new BpmnExportError(key, firstIssue(parsed.error));
  const workflow = parsed.data;
  const moddle = bpmnModdle();
  const ids = new Set<string>([...workflow.nodes.map((node) => node.id), ...workflow.edges.map((edge) => edge.id)]);
  const freshId = (base: string): string => {
    let id = base;
    for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  const elements = new Map<string, ModdleElement<BpmnFlowNode>>();
  for (const node of workflow.nodes) {
    const element = writeNodeElement(moddle, node);
    if (element === undefined) throw new BpmnExportError(workflow.key, `node '${node.id}' has type '${node.type}', which BPMN export does not draw`);
    elements.set(node.id, element);
  }
  const nodeById = new Map(workflow.nodes.map((node) => [node.id, node]));
  const boundaries: { edge: WorkflowEdge; event: ModdleElement<BpmnBoundaryEvent> }[] = [];
  const flows = workflow.edges.map((edge) => {
    const source = elements.get(edge.source);
    const target = elements.get(edge.target);
    if (source === undefined || target === undefined) {
      throw new BpmnExportError(workflow.key, `edge '${edge.id}' joins '${edge.source}' and '${edge.target}', which are not both nodes`);
    }
    let from: ModdleElement<BpmnFlowNode> = source;
    if (edge.kind === 'slaBreach') {
      const event = breachEvent(moddle, freshId(`${edge.id}-timer`), source, nodeById.get(edge.source), edge);
      boundaries.push({ edge, event });
      from = event;
    }
    const flow = sequenceFlow(moddle, edge, from, target);
    from.outgoing = [...(from.outgoing ?? []), flow];
    target.incoming = [...(target.incoming ?? []), flow];
    const sourceNode = nodeById.get(edge.source);
    if (edge.default === true && edge.kind !== 'slaBreach' && sourceNode !== undefined && TYPES_WITH_DEFAULT.has(sourceNode.type)) {
      const holder = source as ModdleElement<BpmnFlowNode & { default?: BpmnSequenceFlow }>;
      holder.default ??= flow;
    }
    return flow;
  });

  const processId = freshId(workflow.key);
  const bpmnProcess = moddle.create('bpmn:Process', {
    id: processId,
    name: workflow.name,
    isExecutable: true,
    schemaVersion: String(workflow.schemaVersion),
    key: workflow.key,
    version: String(workflow.version),
    calendar: workflow.calendar,
    ...(workflow.description === '' ? {} : { documentation: [moddle.create('bpmn:Documentation', { text: workflow.description })] }),
    ...processExtensions(moddle, workflow),
    flowElements: [...elements.values(), ...boundaries.map(({ event }) => event), ...flows] as ModdleElement<BpmnFlowElement>[],
  });

  const diagram = writeDiagram(moddle, { workflow, process: bpmnProcess, elements, flows, boundaries }, freshId);
  const definitions = moddle.create('bpmn:Definitions', {
    id: freshId(`${workflow.key}-definitions`),
    targetNamespace: `https://tongban.dev/workflows/${workflow.key}`,
    expressionLanguage: FEEL_LANGUAGE_URI,
    exporter: 'Tongban',
    exporterVersion: ENGINE_VERSION,
    rootElements: [bpmnProcess],
    diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

function processExtensions(moddle: BpmnModdle, workflow: WorkflowDefinition): Record<string, unknown> {
  const values: ModdleElement[] = [];
  if (workflow.promisedSla !== undefined) values.push(durationElement(moddle, 'tongban:PromisedSla', workflow.promisedSla));
  if (workflow.dataSchema !== undefined) values.push(moddle.create('tongban:DataSchema', { text: JSON.stringify(workflow.dataSchema) }));
  return values.length === 0 ? {} : { extensionElements: moddle.create('bpmn:ExtensionElements', { values }) };
}

/**
 * The timer boundary event an SLA edge leaves from: interrupting unless the edge says otherwise,
 * with the edge's `limit` and `action`; its duration is the limit it watches when ISO 8601 can say it.
 */
function breachEvent(
  moddle: BpmnModdle,
  id: string,
  task: ModdleElement<BpmnFlowNode>,
  node: WorkflowNode | undefined,
  edge: WorkflowEdge,
): ModdleElement<BpmnBoundaryEvent> {
  const watched = node?.type === 'userTask' ? node.sla?.[edge.limit ?? 'statutory'] : undefined;
  const iso = watched === undefined ? undefined : isoTextOfDuration(watched);
  const timer = moddle.create('bpmn:TimerEventDefinition', {
    ...(iso === undefined ? {} : { timeDuration: moddle.create('bpmn:FormalExpression', { body: iso }) }),
  });
  return moddle.create<BpmnBoundaryEvent>('bpmn:BoundaryEvent', {
    id,
    attachedToRef: task as ModdleElement<BpmnActivity>,
    ...(edge.interrupting === false ? { cancelActivity: false } : {}),
    ...(edge.limit === undefined ? {} : { limit: edge.limit }),
    ...(edge.action === undefined ? {} : { action: edge.action }),
    eventDefinitions: [timer],
  });
}

function sequenceFlow(moddle: BpmnModdle, edge: WorkflowEdge, source: ModdleElement<BpmnFlowNode>, target: ModdleElement<BpmnFlowNode>): ModdleElement<BpmnSequenceFlow> {
  return moddle.create<BpmnSequenceFlow>('bpmn:SequenceFlow', {
    id: edge.id,
    ...(edge.label === undefined ? {} : { name: edge.label }),
    sourceRef: source,
    targetRef: target,
    ...(edge.outcome === undefined ? {} : { outcome: edge.outcome }),
    ...(edge.condition === undefined
      ? {}
      : { conditionExpression: moddle.create('bpmn:FormalExpression', { language: FEEL_LANGUAGE_URI, body: edge.condition }) }),
  });
}
