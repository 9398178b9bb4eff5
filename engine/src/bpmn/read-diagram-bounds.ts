import type { ModdleElement } from 'moddle';
import type { BpmnDefinitions, BpmndiBPMNShape } from 'bpmn-moddle/types';

/** A shape's box in diagram coordinates: top-left corner and size, in pixels. */
export interface ShapeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The DI bounds (`bpmndi:BPMNShape` / `dc:Bounds`) of every element drawn in the document's
 * diagrams, by the id of the element it draws. An element drawn twice keeps its first shape.
 * @internal
 */
export function readDiagramBounds(definitions: ModdleElement<BpmnDefinitions>): Map<string, ShapeBounds> {
  const bounds = new Map<string, ShapeBounds>();
  for (const diagram of definitions.diagrams ?? []) {
    for (const element of diagram.plane?.planeElement ?? []) {
      if (element.$type !== 'bpmndi:BPMNShape') continue;
      const shape = element as ModdleElement<BpmndiBPMNShape>;
      const id = shape.bpmnElement?.id;
      const box = shape.bounds;
      if (id === undefined || box === undefined || bounds.has(id)) continue;
      bounds.set(id, { x: box.x ?? 0, y: box.y ?? 0, width: box.width ?? 0, height: box.height ?? 0 });
    }
  }
  return bounds;
}
