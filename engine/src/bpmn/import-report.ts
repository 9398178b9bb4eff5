import type { BpmnDiagnostic, BpmnDiagnosticCode } from './bpmn-diagnostic.types.ts';
import { bpmnDiagnosticSeverities } from './bpmn-diagnostic.types.ts';

/** Where a finding points: the BPMN element and what it became. */
export type BpmnDiagnosticPlace = Omit<BpmnDiagnostic, 'code' | 'severity' | 'message'>;

/**
 * Collects the findings of one import, each with the fixed severity of its code.
 * @internal
 */
export class ImportReport {
  readonly diagnostics: BpmnDiagnostic[] = [];

  add(code: BpmnDiagnosticCode, message: string, place: BpmnDiagnosticPlace = {}): void {
    this.diagnostics.push({ code, severity: bpmnDiagnosticSeverities[code], message, ...place });
  }
}
