import type { BpmnDiagnostic, BpmnDiagnosticCode, BpmnDiagnosticParams, BpmnDiagnosticPlace } from './bpmn-diagnostic.types.ts';
import { bpmnDiagnosticSeverities } from './bpmn-diagnostic.types.ts';

export type { BpmnDiagnosticPlace } from './bpmn-diagnostic.types.ts';

/**
 * Collects the findings of one import, each with the fixed severity of its code.
 * @internal
 */
export class ImportReport {
  readonly diagnostics: BpmnDiagnostic[] = [];

  add<C extends BpmnDiagnosticCode>(code: C, message: string, place: BpmnDiagnosticPlace, params: BpmnDiagnosticParams[C]): void {
    this.diagnostics.push({ code, severity: bpmnDiagnosticSeverities[code], message, ...place, params } as BpmnDiagnostic);
  }
}
