/** A shape's size in diagram pixels. */
export interface ShapeSize {
  width: number;
  height: number;
}

/**
 * The size BPMN export draws each node type at: the sizes the console draws its nodes at when
 * unmeasured (the designer's `defaultNodeSizes`), so a diagram opened in Camunda Modeler or
 * bpmn.io keeps the spacing of the canvas. Node types not listed here are drawn as tasks.
 */
export const bpmnShapeSizes: Readonly<Record<string, ShapeSize>> = {
  startEvent: { width: 40, height: 40 },
  endEvent: { width: 40, height: 40 },
  userTask: { width: 176, height: 84 },
  serviceTask: { width: 176, height: 84 },
  callActivity: { width: 176, height: 84 },
  timerEvent: { width: 40, height: 40 },
  exclusiveGateway: { width: 48, height: 48 },
  parallelGateway: { width: 48, height: 48 },
  inclusiveGateway: { width: 48, height: 48 },
};

/** The size of a timer boundary event (an SLA breach edge's start) in diagram pixels, as bpmn.io draws it. */
export const BOUNDARY_EVENT_SIZE: ShapeSize = { width: 36, height: 36 };

/** The size of a node of `type` in diagram pixels. */
export function shapeSizeOf(type: string): ShapeSize {
  return bpmnShapeSizes[type] ?? { width: 176, height: 84 };
}
