/**
 * Every diagnostic code validation can report, in the order `engine/docs/diagnostics.md` explains
 * them. Codes are stable: the designer keys its canvas markers and help links on them.
 */
export const diagnosticCodes = [
  'invalid-schema',
  'invalid-data-schema',
  'data-schema-keyword-not-supported',
  'data-schema-format-not-supported',
  'data-schema-pattern-not-supported',
  'data-schema-too-large',
  'data-schema-bound-out-of-range',
  'duration-not-countable',
  'duplicate-node-id',
  'duplicate-edge-id',
  'edge-source-missing',
  'edge-target-missing',
  'no-start-event',
  'multiple-start-events',
  'start-event-with-incoming',
  'start-event-multiple-outgoing',
  'no-end-event',
  'end-event-with-outgoing',
  'unreachable-node',
  'no-path-to-end',
  'user-task-without-department',
  'user-task-without-role',
  'duplicate-outcome',
  'reason-field-not-in-form',
  'unknown-outcome',
  'outcome-without-edge',
  'duplicate-outcome-edge',
  'supplement-outcome-routed',
  'outcome-ignored',
  'invalid-sla-breach-edge',
  'sla-edge-without-limit',
  'invalid-acceptance-deadline',
  'invalid-extension',
  'extension-exceeds-law',
  'invalid-multi-instance',
  'field-permission-unknown-field',
  'field-permission-hidden-required',
  'activity-multiple-outgoing',
  'invalid-call-activity',
  'exclusive-gateway-without-default',
  'inclusive-gateway-without-default',
  'multiple-default-edges',
  'exclusive-edge-without-condition',
  'invalid-feel-condition',
  'unknown-condition-variable',
  'feel-reads-clock',
  'feel-too-long',
  'feel-unbounded',
  'feel-function-not-allowed',
  'condition-ignored',
  'cycle-without-wait-state',
  'unbalanced-parallel-gateway',
  'unbalanced-inclusive-gateway',
  'return-target-not-earlier',
  'return-leaves-parallel-block',
  'return-enters-parallel-block',
] as const;

/** A stable kebab-case diagnostic code. */
export type DiagnosticCode = (typeof diagnosticCodes)[number];

/** `error` blocks compiling and publishing; `warning` is shown but lets the definition through. */
export type DiagnosticSeverity = 'error' | 'warning';

/**
 * One finding about a workflow definition, placed on the canvas by `nodeId` / `edgeId` and in the
 * properties panel by `field` (a JSON path such as `nodes[3].department`).
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  /** One sentence quoting the ids involved. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}
