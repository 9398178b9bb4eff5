import { importBpmn, parseDefinition, type BpmnDiagnostic, type WorkflowDefinition } from '@tongban/engine';
import { placeDefinition } from '../model/place-definition.ts';

/** What a BPMN file gives the canvas: a definition ready to draw, or none, and every finding of the import. */
export interface BpmnFileReading {
  /** The definition the file holds, with the schema's defaults and a position for every node; absent when nothing could be imported. */
  definition?: WorkflowDefinition;
  /** The import's findings, in document order. */
  findings: BpmnDiagnostic[];
  /** Whether auto-layout placed the nodes because the file drew none or only some of them (no BPMN DI). */
  laidOut: boolean;
}

/**
 * Reads the text of a BPMN 2.0 file with the engine's `importBpmn`, applies the definition
 * schema's defaults, and lays the nodes out with ELK when the file has no diagram data for some
 * of them (`placeDefinition`). Never throws on the file's content: what cannot be read is a finding.
 */
export async function readBpmnFile(xml: string): Promise<BpmnFileReading> {
  const { definition, diagnostics } = await importBpmn(xml);
  const parsed = definition === undefined ? undefined : parseDefinition(definition).definition;
  if (parsed === undefined) return { findings: diagnostics, laidOut: false };
  const laidOut = parsed.nodes.some((node) => node.position === undefined);
  return { definition: await placeDefinition(parsed), findings: diagnostics, laidOut };
}
