import type { DiagnosticSeverity } from '../validate/index.ts';

/**
 * Every code BPMN import can report, in the order `engine/docs/bpmn.md` explains them. Codes are
 * stable; each has one fixed severity (`bpmnDiagnosticSeverities`).
 */
export const bpmnDiagnosticCodes = [
  'bpmn-unreadable-xml',
  'bpmn-no-process',
  'bpmn-process-not-found',
  'bpmn-invalid-option',
  'bpmn-xml-warning',
  'bpmn-other-process',
  'bpmn-unsupported-element',
  'bpmn-dropped-flow',
  'bpmn-lane-ignored',
  'bpmn-artifact-ignored',
  'bpmn-task-as-user-task',
  'bpmn-ignored-detail',
  'bpmn-id-renamed',
  'bpmn-missing-name',
  'bpmn-missing-key',
  'bpmn-missing-calendar',
  'bpmn-missing-department',
  'bpmn-missing-candidate-role',
  'bpmn-missing-result',
  'bpmn-missing-implementation',
  'bpmn-called-element-rewritten',
  'bpmn-missing-layout',
  'bpmn-invalid-extension',
  'bpmn-condition-language',
] as const;

/** A stable kebab-case code of a BPMN import finding. */
export type BpmnDiagnosticCode = (typeof bpmnDiagnosticCodes)[number];

/**
 * `error`: nothing could be imported; `warning`: something in the file was left out or replaced by
 * a default that needs a look; `info`: a change made on the way in that loses nothing of meaning.
 */
export type BpmnDiagnosticSeverity = DiagnosticSeverity | 'info';

/** The fixed severity of each code. */
export const bpmnDiagnosticSeverities: Record<BpmnDiagnosticCode, BpmnDiagnosticSeverity> = {
  'bpmn-unreadable-xml': 'error',
  'bpmn-no-process': 'error',
  'bpmn-process-not-found': 'error',
  'bpmn-invalid-option': 'error',
  'bpmn-xml-warning': 'info',
  'bpmn-other-process': 'warning',
  'bpmn-unsupported-element': 'warning',
  'bpmn-dropped-flow': 'warning',
  'bpmn-lane-ignored': 'info',
  'bpmn-artifact-ignored': 'info',
  'bpmn-task-as-user-task': 'warning',
  'bpmn-ignored-detail': 'warning',
  'bpmn-id-renamed': 'info',
  'bpmn-missing-name': 'info',
  'bpmn-missing-key': 'info',
  'bpmn-missing-calendar': 'warning',
  'bpmn-missing-department': 'warning',
  'bpmn-missing-candidate-role': 'warning',
  'bpmn-missing-result': 'info',
  'bpmn-missing-implementation': 'warning',
  'bpmn-called-element-rewritten': 'warning',
  'bpmn-missing-layout': 'info',
  'bpmn-invalid-extension': 'warning',
  'bpmn-condition-language': 'warning',
};

/**
 * One finding of BPMN import. Shaped like a validation `Diagnostic` (so the designer lists both
 * alike), plus the BPMN element it is about: `elementId` as written in the file and `elementType`
 * as a moddle type name (`bpmn:SubProcess`). `nodeId` / `edgeId` name what the element became in
 * the definition, when it became something.
 */
export interface BpmnDiagnostic {
  code: BpmnDiagnosticCode;
  severity: BpmnDiagnosticSeverity;
  /** One sentence quoting the ids involved. */
  message: string;
  elementId?: string;
  elementType?: string;
  nodeId?: string;
  edgeId?: string;
  /** JSON path in the definition of the value the finding is about, e.g. `nodes[3].department`. */
  field?: string;
}
