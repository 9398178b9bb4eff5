import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The MIWG reference models kept with the tests. */
export const miwgFixtureDir = fileURLToPath(new URL('./miwg/', import.meta.url));

/** The shared copy of the MIWG reference models beside the repository (present in CI and on the build machines). */
export const sharedMiwgDir = path.resolve(repoRoot, '../shared/bpmn-miwg');

/** Whether the shared copy is there to compare the fixtures with. */
export const hasSharedMiwg = existsSync(sharedMiwgDir);

/** File names of the `.bpmn` models in `dir`, sorted. */
export function bpmnFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.bpmn'))
    .sort();
}

/** The XML of one fixture model. */
export function readMiwg(file: string): string {
  return readFileSync(path.join(miwgFixtureDir, file), 'utf8');
}

/** One flow element as the file writes it. */
export interface FlowElementFacts {
  id: string;
  type: string;
  sourceRef?: string;
  targetRef?: string;
  attachedToRef?: string;
}

/** What a model holds, read straight with bpmn-moddle: its processes' flow elements and its DI bounds. */
export interface ModelFacts {
  processes: { id: string; flowElements: FlowElementFacts[] }[];
  bounds: Map<string, { x: number; y: number; width: number; height: number }>;
}

interface RawElement {
  id?: string;
  $type: string;
  sourceRef?: { id?: string };
  targetRef?: { id?: string };
  attachedToRef?: { id?: string };
  flowElements?: RawElement[];
  bpmnElement?: { id?: string };
  bounds?: { x?: number; y?: number; width?: number; height?: number };
  plane?: { planeElement?: RawElement[] };
  rootElements?: RawElement[];
  diagrams?: RawElement[];
}

/** Reads `xml` with plain bpmn-moddle (no Tongban extension) to list what an import must account for. */
export async function modelFacts(xml: string): Promise<ModelFacts> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const definitions = rootElement as unknown as RawElement;
  const processes = (definitions.rootElements ?? [])
    .filter((root) => root.$type === 'bpmn:Process')
    .map((process) => ({
      id: process.id ?? '',
      flowElements: (process.flowElements ?? []).map((element) => ({
        id: element.id ?? '',
        type: element.$type,
        ...(element.sourceRef?.id ? { sourceRef: element.sourceRef.id } : {}),
        ...(element.targetRef?.id ? { targetRef: element.targetRef.id } : {}),
        ...(element.attachedToRef?.id ? { attachedToRef: element.attachedToRef.id } : {}),
      })),
    }));
  const bounds = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const diagram of definitions.diagrams ?? []) {
    for (const shape of diagram.plane?.planeElement ?? []) {
      const id = shape.bpmnElement?.id;
      if (shape.$type !== 'bpmndi:BPMNShape' || id === undefined || bounds.has(id)) continue;
      bounds.set(id, { x: shape.bounds?.x ?? 0, y: shape.bounds?.y ?? 0, width: shape.bounds?.width ?? 0, height: shape.bounds?.height ?? 0 });
    }
  }
  return { processes, bounds };
}
