import type { ModdleElement } from 'moddle';
import type { BpmnModdle } from 'bpmn-moddle';
import type { BpmnBoundaryEvent, BpmnFlowNode, BpmnSequenceFlow, BpmndiBPMNDiagram, BpmndiBPMNEdge, BpmndiBPMNShape } from 'bpmn-moddle/types';
import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '../definition/index.ts';
import { BOUNDARY_EVENT_SIZE, shapeSizeOf } from './bpmn-shape-sizes.ts';
import type { ShapeBounds } from './read-diagram-bounds.ts';
import { routeEdge } from './route-edge.ts';

/** Horizontal step between nodes that have no position, laid out in a row under the others, in pixels. */
const UNPLACED_STEP = 220;

/** The semantic elements export wrote, which the diagram draws. */
export interface DrawnElements {
  workflow: WorkflowDefinition;
  process: ModdleElement;
  /** The flow node of each node, by node id. */
  elements: ReadonlyMap<string, ModdleElement<BpmnFlowNode>>;
  /** The sequence flow of each edge, in the order of `workflow.edges`. */
  flows: readonly ModdleElement<BpmnSequenceFlow>[];
  /** The timer boundary event of each SLA edge. */
  boundaries: readonly { edge: WorkflowEdge; event: ModdleElement<BpmnBoundaryEvent> }[];
}

/**
 * The BPMN DI of an exported workflow: a shape per node at its position, sized as the console
 * draws it (nodes without a position in a row under the others), a shape per SLA timer on the
 * bottom edge of its task, and an edge with orthogonal waypoints per sequence flow. `freshId`
 * hands out document-unique ids.
 * @internal
 */
export function writeDiagram(moddle: BpmnModdle, drawn: DrawnElements, freshId: (base: string) => string): ModdleElement<BpmndiBPMNDiagram> {
  const { workflow, elements, flows, boundaries } = drawn;
  const boxes = nodeBoxes(workflow.nodes);
  const shapes: ModdleElement[] = workflow.nodes.map((node) =>
    shape(moddle, freshId(`${node.id}_di`), elements.get(node.id), boxes.get(node.id), node.type === 'exclusiveGateway'),
  );
  const timerBoxes = new Map<string, ShapeBounds>();
  const timersOnTask = new Map<string, number>();
  for (const { edge, event } of boundaries) {
    const task = boxes.get(edge.source);
    if (task === undefined) continue;
    const index = timersOnTask.get(edge.source) ?? 0;
    timersOnTask.set(edge.source, index + 1);
    const bounds = boundaryBox(task, index);
    timerBoxes.set(edge.id, bounds);
    shapes.push(shape(moddle, freshId(`${event.id ?? ''}_di`), event, bounds, false));
  }
  const edges = workflow.edges.map((edge, index) => {
    const timer = timerBoxes.get(edge.id);
    const from = timer ?? boxes.get(edge.source);
    const to = boxes.get(edge.target);
    const waypoints = from === undefined || to === undefined ? [] : routeEdge(from, to, timer !== undefined);
    return moddle.create<BpmndiBPMNEdge>('bpmndi:BPMNEdge', {
      id: freshId(`${edge.id}_di`),
      bpmnElement: flows[index],
      waypoint: waypoints.map((waypoint) => moddle.create('dc:Point', waypoint)),
    });
  });
  return moddle.create<BpmndiBPMNDiagram>('bpmndi:BPMNDiagram', {
    id: freshId(`${workflow.key}-diagram`),
    plane: moddle.create('bpmndi:BPMNPlane', { id: freshId(`${workflow.key}-plane`), bpmnElement: drawn.process, planeElement: [...shapes, ...edges] }),
  });
}

/** Each node's box: its position and the size of its type; nodes without a position go in a row under the others. */
function nodeBoxes(nodes: WorkflowNode[]): Map<string, ShapeBounds> {
  const placed = nodes.filter((node) => node.position !== undefined);
  const bottom = placed.reduce((lowest, node) => Math.max(lowest, (node.position?.y ?? 0) + shapeSizeOf(node.type).height), Number.NEGATIVE_INFINITY);
  const rowTop = placed.length === 0 ? 0 : bottom + UNPLACED_STEP / 2;
  let column = 0;
  const boxes = new Map<string, ShapeBounds>();
  for (const node of nodes) {
    const position = node.position ?? { x: UNPLACED_STEP * column++, y: rowTop };
    boxes.set(node.id, { x: position.x, y: position.y, ...shapeSizeOf(node.type) });
  }
  return boxes;
}

/** The box of the `index`-th timer on a task: on its bottom edge, from the right. */
function boundaryBox(task: ShapeBounds, index: number): ShapeBounds {
  const { width, height } = BOUNDARY_EVENT_SIZE;
  return { x: task.x + task.width - width - 14 - index * (width + 8), y: task.y + task.height - height / 2, width, height };
}

function shape(moddle: BpmnModdle, id: string, element: ModdleElement | undefined, bounds: ShapeBounds | undefined, markerVisible: boolean): ModdleElement<BpmndiBPMNShape> {
  return moddle.create<BpmndiBPMNShape>('bpmndi:BPMNShape', {
    id,
    bpmnElement: element,
    ...(markerVisible ? { isMarkerVisible: true } : {}),
    ...(bounds === undefined ? {} : { bounds: moddle.create('dc:Bounds', bounds) }),
  });
}
