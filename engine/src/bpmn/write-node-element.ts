import type { ModdleElement } from 'moddle';
import type { BpmnModdle } from 'bpmn-moddle';
import type { BpmnFlowNode } from 'bpmn-moddle/types';
import type { CallActivity, Duration, FormField, MultiInstance, ServiceTask, TaskSla, TimerEvent, UserTask, WorkflowNode } from '../definition/index.ts';
import { isoTextOfDuration } from './iso-duration.ts';

/** The BPMN element type each node type is written as. */
export const bpmnTypeOfNode: Readonly<Record<string, string>> = {
  startEvent: 'bpmn:StartEvent',
  endEvent: 'bpmn:EndEvent',
  userTask: 'bpmn:UserTask',
  serviceTask: 'bpmn:ServiceTask',
  callActivity: 'bpmn:CallActivity',
  timerEvent: 'bpmn:IntermediateCatchEvent',
  exclusiveGateway: 'bpmn:ExclusiveGateway',
  parallelGateway: 'bpmn:ParallelGateway',
  inclusiveGateway: 'bpmn:InclusiveGateway',
};

/**
 * The BPMN flow node of `node`, with its Tongban attributes and extension elements; `undefined`
 * for a node type BPMN export does not draw.
 * @internal
 */
export function writeNodeElement(moddle: BpmnModdle, node: WorkflowNode): ModdleElement<BpmnFlowNode> | undefined {
  const type = bpmnTypeOfNode[node.type];
  if (type === undefined) return undefined;
  const attributes: Record<string, unknown> = { id: node.id, name: node.name };
  if (node.type === 'endEvent') attributes.result = node.result;
  if (node.type === 'userTask') Object.assign(attributes, taskAttributes(moddle, node));
  if (node.type === 'serviceTask') Object.assign(attributes, serviceAttributes(moddle, node));
  if (node.type === 'callActivity') Object.assign(attributes, callAttributes(moddle, node));
  if (node.type === 'timerEvent') Object.assign(attributes, timerAttributes(moddle, node));
  return moddle.create<BpmnFlowNode>(type, attributes);
}

function taskAttributes(moddle: BpmnModdle, task: UserTask): Record<string, unknown> {
  const values: ModdleElement[] = [];
  if (task.outcomes.length > 0) {
    values.push(
      moddle.create('tongban:Outcomes', {
        values: task.outcomes.map((outcome) =>
          moddle.create('tongban:Outcome', {
            id: outcome.id,
            label: outcome.label,
            ...(outcome.reasonRequired === undefined ? {} : { reasonRequired: String(outcome.reasonRequired) }),
            ...(outcome.reasonField === undefined ? {} : { reasonField: outcome.reasonField }),
          }),
        ),
      }),
    );
  }
  if (task.form.length > 0) values.push(moddle.create('tongban:Form', { fields: task.form.map((field) => formField(moddle, field)) }));
  if (task.sla !== undefined) values.push(slaElement(moddle, task.sla));
  if (task.acceptanceDeadline !== undefined) values.push(durationElement(moddle, 'tongban:AcceptanceDeadline', task.acceptanceDeadline));
  if (task.extension !== undefined) {
    values.push(
      moddle.create('tongban:Extension', {
        approverRole: task.extension.approverRole,
        cap: durationElement(moddle, 'tongban:Cap', task.extension.cap),
      }),
    );
  }
  if (task.multiInstance !== undefined) values.push(multiInstanceElement(moddle, task.multiInstance));
  if (task.fieldPermissions !== undefined) {
    values.push(
      moddle.create('tongban:FieldPermissions', {
        values: Object.entries(task.fieldPermissions).map(([key, access]) => moddle.create('tongban:FieldPermission', { key, access })),
      }),
    );
  }
  return {
    department: task.department,
    level: task.level,
    candidateRole: task.candidateRole,
    ...(values.length === 0 ? {} : { extensionElements: moddle.create('bpmn:ExtensionElements', { values }) }),
    ...(task.multiInstance === undefined ? {} : { loopCharacteristics: moddle.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: false }) }),
  };
}

/** A countersignature (会签): the Tongban spec, beside a parallel multi-instance marker other tools draw. */
function multiInstanceElement(moddle: BpmnModdle, spec: MultiInstance): ModdleElement {
  const { completion, items } = spec;
  return moddle.create('tongban:MultiInstance', {
    over: spec.over,
    completion: typeof completion === 'string' ? completion : 'threshold',
    ...(typeof completion === 'string' ? {} : { threshold: String(completion.threshold) }),
    ...(typeof items === 'string' ? { expression: items } : { items: items.map((value) => moddle.create('tongban:Item', { value })) }),
  });
}

/** A call activity: the called workflow key in BPMN's own `calledElement`, its version and inputs in the extension. */
function callAttributes(moddle: BpmnModdle, call: CallActivity): Record<string, unknown> {
  return {
    calledElement: call.calledElement,
    ...(call.version === undefined ? {} : { calledVersion: String(call.version) }),
    ...(call.inputs === undefined
      ? {}
      : {
          extensionElements: moddle.create('bpmn:ExtensionElements', {
            values: [moddle.create('tongban:Inputs', { values: call.inputs.map((key) => moddle.create('tongban:Input', { key })) })],
          }),
        }),
  };
}

function serviceAttributes(moddle: BpmnModdle, task: ServiceTask): Record<string, unknown> {
  const values: ModdleElement[] = [];
  const { implementation, retry } = task;
  if ('http' in implementation) values.push(moddle.create('tongban:Http', { method: implementation.http.method, url: implementation.http.url }));
  if (retry !== undefined) {
    values.push(
      moddle.create('tongban:Retry', { attempts: String(retry.attempts), backoff: retry.backoff.type, delaySeconds: String(retry.backoff.delaySeconds) }),
    );
  }
  return {
    ...('handler' in implementation ? { handler: implementation.handler } : {}),
    ...(values.length === 0 ? {} : { extensionElements: moddle.create('bpmn:ExtensionElements', { values }) }),
  };
}

/** A timer catch event: its wait in `tongban:wait`, and as an ISO 8601 `timeDuration` when it is elapsed time. */
function timerAttributes(moddle: BpmnModdle, timer: TimerEvent): Record<string, unknown> {
  const iso = isoTextOfDuration(timer.duration);
  return {
    extensionElements: moddle.create('bpmn:ExtensionElements', { values: [durationElement(moddle, 'tongban:Wait', timer.duration)] }),
    eventDefinitions: [
      moddle.create('bpmn:TimerEventDefinition', iso === undefined ? {} : { timeDuration: moddle.create('bpmn:FormalExpression', { body: iso }) }),
    ],
  };
}

function formField(moddle: BpmnModdle, field: FormField): ModdleElement {
  return moddle.create('tongban:Field', {
    key: field.key,
    type: field.type,
    label: field.label,
    required: String(field.required),
    ...(field.options === undefined ? {} : { options: field.options.map((option) => moddle.create('tongban:Option', { value: option.value, label: option.label })) }),
  });
}

function slaElement(moddle: BpmnModdle, sla: TaskSla): ModdleElement {
  return moddle.create('tongban:Sla', {
    ...(sla.promised === undefined ? {} : { promised: durationElement(moddle, 'tongban:Promised', sla.promised) }),
    ...(sla.statutory === undefined ? {} : { statutory: durationElement(moddle, 'tongban:Statutory', sla.statutory) }),
  });
}

/**
 * A `tongban:Duration` element of `type` (`tongban:Promised`, `tongban:Statutory`, `tongban:PromisedSla`,
 * `tongban:AcceptanceDeadline`, `tongban:Cap`).
 * @internal
 */
export function durationElement(moddle: BpmnModdle, type: string, duration: Duration): ModdleElement {
  return moddle.create(type, { amount: String(duration.amount), unit: duration.unit });
}
