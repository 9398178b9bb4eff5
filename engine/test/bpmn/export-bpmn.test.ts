import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { BpmnExportError, bpmnShapeSizes, exportBpmn, FEEL_LANGUAGE_URI, TONGBAN_BPMN_NAMESPACE } from '../../src/bpmn/index.ts';
import { definitionSchema, nodeSchema } from '../../src/definition/index.ts';
import type { WorkflowDefinition, WorkflowDefinitionInput } from '../../src/definition/index.ts';
import { validateWithBpmnXsd, xmllintAvailable } from './bpmn-xsd.ts';

const everyField = definitionSchema.parse(JSON.parse(readFileSync(new URL('./fixtures/every-field.definition.json', import.meta.url), 'utf8')));

/** A loosely typed view of the moddle tree the tests walk. */
interface Element {
  $type: string;
  id?: string;
  name?: string;
  $attrs: Record<string, string>;
  [property: string]: unknown;
}

async function readBack(xml: string): Promise<{ root: Element; warnings: unknown[] }> {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  return { root: rootElement as unknown as Element, warnings };
}

const children = (element: Element, property: string): Element[] => (element[property] as Element[] | undefined) ?? [];
const child = (element: Element, property: string): Element | undefined => element[property] as Element | undefined;

async function exported(definition: WorkflowDefinition) {
  const xml = await exportBpmn(definition);
  const { root, warnings } = await readBack(xml);
  const [process] = children(root, 'rootElements');
  const [diagram] = children(root, 'diagrams');
  if (process === undefined || diagram === undefined) throw new Error('No process or diagram');
  const flowElements = children(process, 'flowElements');
  const byId = new Map(flowElements.map((element) => [element.id, element]));
  const planeElements = children(child(diagram, 'plane') as Element, 'planeElement');
  const shapeOf = (id: string) => planeElements.find((shape) => shape.$type === 'bpmndi:BPMNShape' && child(shape, 'bpmnElement')?.id === id);
  const edgeOf = (id: string) => planeElements.find((edge) => edge.$type === 'bpmndi:BPMNEdge' && child(edge, 'bpmnElement')?.id === id);
  return { xml, root, warnings, process, flowElements, byId, shapeOf, edgeOf };
}

/** A Tongban attribute as plain bpmn-moddle keeps it: an unknown attribute under its prefixed name. */
const tongban = (element: Element | undefined, attribute: string): string | undefined => element?.$attrs[`tongban:${attribute}`];

describe('exportBpmn', () => {
  it('should write one executable process that plain bpmn-moddle reads without a warning', async () => {
    const { root, warnings, process, xml } = await exported(everyField);
    expect(warnings).toEqual([]);
    expect(children(root, 'rootElements').map((element) => element.$type)).toEqual(['bpmn:Process']);
    expect(process).toMatchObject({ id: 'every-field', name: everyField.name, isExecutable: true });
    expect(root).toMatchObject({ exporter: 'Tongban', expressionLanguage: FEEL_LANGUAGE_URI });
    expect(xml).toContain(`xmlns:tongban="${TONGBAN_BPMN_NAMESPACE}"`);
  });

  it('should write every node as its BPMN element, with its id and name', async () => {
    const { byId } = await exported(everyField);
    const types: Record<string, string> = {
      startEvent: 'bpmn:StartEvent',
      endEvent: 'bpmn:EndEvent',
      userTask: 'bpmn:UserTask',
      serviceTask: 'bpmn:ServiceTask',
      callActivity: 'bpmn:CallActivity',
      timerEvent: 'bpmn:IntermediateCatchEvent',
      exclusiveGateway: 'bpmn:ExclusiveGateway',
      parallelGateway: 'bpmn:ParallelGateway',
      inclusiveGateway: 'bpmn:InclusiveGateway',
    };
    for (const node of everyField.nodes) expect([node.id, byId.get(node.id)?.$type, byId.get(node.id)?.name]).toEqual([node.id, types[node.type], node.name]);
  });

  it('should write every edge as a sequence flow between the right elements, a breach edge from a timer on its task', async () => {
    const { byId } = await exported(everyField);
    for (const edge of everyField.edges) {
      const flow = byId.get(edge.id);
      const source = child(flow as Element, 'sourceRef');
      expect([edge.id, flow?.$type, child(flow as Element, 'targetRef')?.id]).toEqual([edge.id, 'bpmn:SequenceFlow', edge.target]);
      if (edge.kind === 'slaBreach') {
        expect(source?.$type).toBe('bpmn:BoundaryEvent');
        expect(child(source as Element, 'attachedToRef')?.id).toBe(edge.source);
      } else {
        expect(source?.id).toBe(edge.source);
      }
    }
  });

  it('should write conditions as FEEL expressions and defaults on their gateways', async () => {
    const { byId } = await exported(everyField);
    expect(child(byId.get('route--review') as Element, 'conditionExpression')).toMatchObject({
      $type: 'bpmn:FormalExpression',
      language: FEEL_LANGUAGE_URI,
      body: 'amount >= 10000 and note != "<免审>"',
    });
    expect(child(byId.get('route') as Element, 'default')?.id).toBe('route--branches');
    expect(child(byId.get('branches') as Element, 'default')?.id).toBe('branches--archive');
  });

  it('should give an SLA breach timer the statutory limit as an ISO 8601 duration when it is elapsed time', async () => {
    const { byId } = await exported(everyField);
    const timer = byId.get('intake--escalated-timer');
    expect(timer).toMatchObject({ $type: 'bpmn:BoundaryEvent', cancelActivity: true });
    const [definition] = children(timer as Element, 'eventDefinitions');
    expect(definition?.$type).toBe('bpmn:TimerEventDefinition');
    expect(child(definition as Element, 'timeDuration')).toMatchObject({ body: 'P3D' });
  });

  it('should write a service task with its handler or HTTP call and its retry policy', async () => {
    const { byId } = await exported(everyField);
    const lookup = byId.get('lookup');
    expect(tongban(lookup, 'handler')).toBe('verify-business-licence');
    const [retry] = children(child(lookup as Element, 'extensionElements') as Element, 'values');
    expect([retry?.$type, retry?.attempts, retry?.backoff, retry?.delaySeconds]).toEqual(['tongban:retry', '3', 'exponential', '30']);
    const publish = byId.get('publish');
    expect(tongban(publish, 'handler')).toBeUndefined();
    const [http] = children(child(publish as Element, 'extensionElements') as Element, 'values');
    expect([http?.$type, http?.method, http?.url]).toEqual(['tongban:http', 'POST', 'https://licences.example.gov.cn/cases/{caseId}/issue?kind=food&a=1']);
  });

  it('should write a timer event as a timer catch event, with an ISO 8601 duration when the wait is elapsed time', async () => {
    const { byId } = await exported(everyField);
    const durationOf = (id: string) => child(children(byId.get(id) as Element, 'eventDefinitions')[0] as Element, 'timeDuration')?.body;
    expect(children(byId.get('notice') as Element, 'eventDefinitions').map((d) => d.$type)).toEqual(['bpmn:TimerEventDefinition']);
    expect(durationOf('notice')).toBe('P5D');
    expect(durationOf('settle')).toBeUndefined();
  });

  it('should write a countersignature as a parallel multi-instance task with its Tongban spec', async () => {
    const { byId } = await exported(everyField);
    expect(child(byId.get('sign') as Element, 'loopCharacteristics')).toMatchObject({ $type: 'bpmn:MultiInstanceLoopCharacteristics', isSequential: false });
    const spec = children(child(byId.get('sign') as Element, 'extensionElements') as Element, 'values').find((value) => value.$type === 'tongban:multiInstance');
    expect([spec?.over, spec?.completion, spec?.threshold]).toEqual(['departments', 'threshold', '2']);
    expect(child(byId.get('review') as Element, 'loopCharacteristics')).toBeUndefined();
  });

  it('should write a call activity with the called workflow in calledElement', async () => {
    const { byId } = await exported(everyField);
    const licence = byId.get('licence');
    expect([licence?.$type, licence?.calledElement, tongban(licence, 'calledVersion')]).toEqual(['bpmn:CallActivity', 'food-business-licence', '2']);
    expect(tongban(byId.get('registry'), 'calledVersion')).toBeUndefined();
  });

  it('should write the Tongban fields in the tongban namespace', async () => {
    const { byId, process } = await exported(everyField);
    expect([tongban(process, 'key'), tongban(process, 'version'), tongban(process, 'calendar')]).toEqual(['every-field', '4', 'cn-mainland']);
    const review = byId.get('review');
    expect([tongban(review, 'department'), tongban(review, 'level'), tongban(review, 'candidateRole')]).toEqual(['market-regulation', 'city', 'reviewer']);
    expect(tongban(byId.get('end'), 'result')).toBe('approved');
    expect(tongban(byId.get('review--intake'), 'outcome')).toBe('return');
    const notify = byId.get('notify');
    expect([tongban(notify, 'department'), tongban(notify, 'candidateRole')]).toEqual(['', '']);
    const extensions = children(child(byId.get('intake') as Element, 'extensionElements') as Element, 'values').map((value) => value.$type);
    expect(extensions).toEqual(['tongban:outcomes', 'tongban:form', 'tongban:sla', 'tongban:acceptanceDeadline']);
  });

  it('should draw every node at its position with the size the console draws it at', async () => {
    const { shapeOf } = await exported(everyField);
    for (const node of everyField.nodes) {
      const size = bpmnShapeSizes[node.type];
      expect([node.id, child(shapeOf(node.id) as Element, 'bounds')]).toMatchObject([node.id, { ...node.position, ...size }]);
    }
    expect(shapeOf('route')?.isMarkerVisible).toBe(true);
    expect(shapeOf('intake--escalated-timer')).toBeDefined();
  });

  it('should draw every flow as an orthogonal path from its source shape to its target shape', async () => {
    const { edgeOf, shapeOf } = await exported(everyField);
    const boxOf = (id: string) => child(shapeOf(id) as Element, 'bounds') as unknown as { x: number; y: number; width: number; height: number };
    const onBorder = (point: { x: number; y: number }, box: { x: number; y: number; width: number; height: number }) =>
      ((point.x === box.x || point.x === box.x + box.width) && point.y >= box.y && point.y <= box.y + box.height) ||
      ((point.y === box.y || point.y === box.y + box.height) && point.x >= box.x && point.x <= box.x + box.width);
    for (const edge of everyField.edges) {
      const waypoints = children(edgeOf(edge.id) as Element, 'waypoint') as unknown as { x: number; y: number }[];
      expect(waypoints.length, edge.id).toBeGreaterThanOrEqual(2);
      const from = edge.kind === 'slaBreach' ? `${edge.id}-timer` : edge.source;
      expect(onBorder(waypoints[0]!, boxOf(from)), `${edge.id} starts on '${from}'`).toBe(true);
      expect(onBorder(waypoints.at(-1)!, boxOf(edge.target)), `${edge.id} ends on '${edge.target}'`).toBe(true);
      for (let i = 1; i < waypoints.length; i += 1) {
        const [a, b] = [waypoints[i - 1]!, waypoints[i]!];
        expect(a.x === b.x || a.y === b.y, `${edge.id} segment ${i}`).toBe(true);
      }
    }
  });

  it('should lay nodes without a position in a row under the others', async () => {
    const definition = definitionSchema.parse({
      ...everyField,
      nodes: everyField.nodes.map((node) => (node.id === 'start' || node.id === 'end' ? { ...node, position: undefined } : node)),
    });
    const { shapeOf } = await exported(definition);
    const lowest = Math.max(...everyField.nodes.filter((n) => n.id !== 'start' && n.id !== 'end').map((n) => (n.position?.y ?? 0) + bpmnShapeSizes[n.type]!.height));
    const start = child(shapeOf('start') as Element, 'bounds') as unknown as { x: number; y: number };
    const end = child(shapeOf('end') as Element, 'bounds') as unknown as { x: number; y: number };
    expect(start.y).toBeGreaterThan(lowest);
    expect(end.y).toBe(start.y);
    expect(end.x).toBeGreaterThan(start.x);
  });

  it('should keep ids unique when a node is named like a generated one', async () => {
    const definition = definitionSchema.parse({
      ...everyField,
      nodes: [...everyField.nodes, { id: 'start_di', type: 'endEvent', name: '冲突', result: 'approved', position: { x: 0, y: 500 } }],
    });
    const { xml } = await exported(definition);
    const ids = [...xml.matchAll(/<(?!tongban:)[\w:]+ [^>]*?\bid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toContain('start_di-2');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should draw every node type of the definition schema', () => {
    const types = nodeSchema.options.map((option) => option.shape.type.value);
    expect(types.filter((type) => bpmnShapeSizes[type] === undefined)).toEqual([]);
  });

  it('should refuse a definition that does not fit the schema, naming the workflow and the field', async () => {
    const broken = { ...everyField, nodes: [{ id: '1st', type: 'startEvent', name: 'S' }] } as unknown as WorkflowDefinitionInput;
    const error = await exportBpmn(broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BpmnExportError);
    expect(error).toMatchObject({ code: 'bpmn-export-failed', workflowKey: 'every-field' });
    expect((error as Error).message).toContain("Workflow 'every-field' cannot be exported to BPMN: nodes.0.id");
  });

  it.skipIf(!xmllintAvailable())('should write XML that the BPMN 2.0 XSD accepts', async () => {
    expect(validateWithBpmnXsd(await exportBpmn(everyField))).toBe('');
  });
});
