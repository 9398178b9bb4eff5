import type { SlaLimit, SlaUnit } from '../definition/index.ts';
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
  'bpmn-foreign-attribute',
  'bpmn-foreign-extension',
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
  'bpmn-duration-too-long',
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
  'bpmn-foreign-attribute': 'warning',
  'bpmn-foreign-extension': 'warning',
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
  'bpmn-duration-too-long': 'warning',
  'bpmn-condition-language': 'warning',
};

/**
 * Why an element is not imported (`bpmn-unsupported-element`): `no-counterpart`, Tongban has no
 * such element (its `elementType` says which); `timer-not-elapsed-time`, a timer catch event whose
 * time is a date, a cycle or a duration that is not whole weeks, days or hours; a boundary event
 * that is `boundary-not-timer`, `boundary-not-on-task` (attached to something that is not an
 * imported user task) or `boundary-without-flow`; `message-flow`, a message flow between pools.
 */
export type BpmnUnsupportedReason =
  | 'no-counterpart'
  | 'timer-not-elapsed-time'
  | 'boundary-not-timer'
  | 'boundary-not-on-task'
  | 'boundary-without-flow'
  | 'message-flow';

/** What a BPMN timer says, for a finding about a time Tongban cannot take: its ISO 8601 `duration`, or that it is a `date`, a `cycle`, or has no time. */
export type BpmnTimerText = { kind: 'duration'; text: string } | { kind: 'date' | 'cycle' | 'none' };

/** The part of an imported element `bpmn-ignored-detail` reports as dropped. */
export type BpmnIgnoredDetail =
  /** A start or end event's event definitions (`bpmn:MessageEventDefinition`, …): it is imported as a plain event. */
  | { detail: 'event-definition'; eventDefinitions: string[] }
  /** A loop (`loopType`, a moddle type) of a task, service task or call activity that is not a countersignature: it runs once. */
  | { detail: 'loop'; loopType: string }
  /** The sequential order of a countersignature's instances: Tongban opens them all at once. */
  | { detail: 'sequential-instances' }
  /** The time of an SLA boundary timer that is not whole weeks, days or hours: task `taskId` gets no `limit` from it. */
  | { detail: 'timer-time'; timer: BpmnTimerText; taskId: string; limit: SlaLimit };

/** Which limit of the definition a `bpmn-duration-too-long` finding is about. */
export type BpmnDurationField = 'promisedSla' | 'promised' | 'statutory' | 'acceptanceDeadline' | 'extensionCap' | 'wait';

/**
 * The values each code's message quotes, by name, so that a reader (the console, in its own
 * languages) can say the finding without parsing the English `message`. Ids are as written in the
 * file unless the name says otherwise; `reason` is another component's own words (the XML reader's,
 * the schema's), in English.
 */
export interface BpmnDiagnosticParams {
  'bpmn-unreadable-xml': { reason: string };
  'bpmn-no-process': Record<string, never>;
  'bpmn-process-not-found': { processId: string; processIds: string[] };
  'bpmn-invalid-option': { reason: string };
  /** `name`: the attribute, the unresolved id, or the element tag the reader could not place; `line` (from 1) where it says. */
  'bpmn-xml-warning': { kind: 'unknown-attribute' | 'unresolved-reference' | 'unparsable-content' | 'other'; name?: string; line?: number; reason: string };
  'bpmn-other-process': { name?: string; flowElementCount: number; importedProcessId: string };
  /** `name` of the element; `innerElementCount` of a sub-process; `attachedTo` of a boundary event; `timer` of a timer event; `source`/`target` of a message flow. */
  'bpmn-unsupported-element': {
    reason: BpmnUnsupportedReason;
    name?: string;
    innerElementCount?: number;
    attachedTo?: string;
    timer?: BpmnTimerText;
    source?: string;
    target?: string;
  };
  /** Which end of the flow was not imported, and its id. */
  'bpmn-dropped-flow': { end: 'source' | 'target'; endId: string };
  'bpmn-lane-ignored': { name?: string };
  'bpmn-artifact-ignored': Record<string, never>;
  /** The attribute as written (`camunda:assignee`) and its value. */
  'bpmn-foreign-attribute': { attribute: string; value: string };
  /** The extension element as written (`camunda:formData`). */
  'bpmn-foreign-extension': { extension: string };
  'bpmn-task-as-user-task': Record<string, never>;
  'bpmn-ignored-detail': BpmnIgnoredDetail;
  /** The definition id the element got. */
  'bpmn-id-renamed': { newId: string };
  /** The name the node got. */
  'bpmn-missing-name': { name: string };
  /** The key the workflow got. */
  'bpmn-missing-key': { key: string };
  /** The calendar the workflow counts on. */
  'bpmn-missing-calendar': { calendar: string };
  'bpmn-missing-department': Record<string, never>;
  /** The role the task is offered to; `''` when the file's empty role stays empty. */
  'bpmn-missing-candidate-role': { role: string };
  /** The result a case ending there gets. */
  'bpmn-missing-result': { result: string };
  /** The handler the service task calls. */
  'bpmn-missing-implementation': { handler: string };
  /** What the file names (`''` for nothing) and the workflow key the call activity calls. */
  'bpmn-called-element-rewritten': { written: string; calledElement: string };
  'bpmn-missing-layout': Record<string, never>;
  /**
   * The Tongban attribute or element (`tongban:level`, `tongban:outcome`), what the file says when
   * it is one value, the schema's `reason` when it has one, and the `fallback` used instead (absent:
   * the value is left out).
   */
  'bpmn-invalid-extension': { extension: string; value?: string; reason?: string; fallback?: string };
  /** The limit, its amount and unit as the file gives them, and the longest the calendar counts in that unit (`MAX_DURATION`). */
  'bpmn-duration-too-long': { what: BpmnDurationField; amount: number; unit: SlaUnit; max: number };
  /** The language the condition names (absent: it names none, but looks like JUEL), and the condition. */
  'bpmn-condition-language': { language?: string; condition: string };
}

/** Where a finding points: the BPMN element and what it became. */
export interface BpmnDiagnosticPlace {
  /** The id of the BPMN element, as written in the file. */
  elementId?: string;
  /** Its moddle type name (`bpmn:SubProcess`, `camunda:formData`). */
  elementType?: string;
  /** The node it became, when it became one. */
  nodeId?: string;
  /** The edge it became, when it became one. */
  edgeId?: string;
  /** JSON path in the definition of the value the finding is about, e.g. `nodes[3].department`. */
  field?: string;
}

/**
 * One finding of BPMN import. Shaped like a validation `Diagnostic` (so the designer lists both
 * alike), plus the BPMN element it is about (`BpmnDiagnosticPlace`) and the values its message
 * quotes (`params`, by code: `BpmnDiagnosticParams`).
 */
export type BpmnDiagnostic = {
  [C in BpmnDiagnosticCode]: BpmnDiagnosticPlace & {
    code: C;
    severity: BpmnDiagnosticSeverity;
    /** One English sentence quoting the ids involved. */
    message: string;
    params: BpmnDiagnosticParams[C];
  };
}[BpmnDiagnosticCode];
