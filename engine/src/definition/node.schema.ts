import { z } from 'zod';
import { durationSchema, taskSlaSchema } from './sla.schema.ts';

/** Ids of nodes, edges, outcomes and form fields: letters, digits, `-` and `_`, starting with a letter. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'An id starts with a letter and holds only letters, digits, "-" and "_"');

const positionSchema = z.object({ x: z.number(), y: z.number() });

const nodeBase = {
  id: idSchema,
  name: z.string().min(1),
  /** Canvas position of the node's top-left corner, in flow coordinates (pixels at zoom 1). */
  position: positionSchema.optional(),
};

/**
 * Outcomes a clerk can choose on a userTask. The four built-in ones have a fixed meaning:
 * `approve`, `reject`, `return` (退回: back to an earlier task, chosen by an edge with this outcome),
 * `requestSupplement` (补正: the case waits for the applicant, every clock paused). Any other id is
 * named by the designer and routed by its outcome edge.
 */
export const builtInOutcomes = ['approve', 'reject', 'return', 'requestSupplement'] as const;
export type BuiltInOutcome = (typeof builtInOutcomes)[number];

/**
 * One outcome of a userTask.
 *
 * - `reasonRequired`: the clerk must give a reason to choose it. Unset, `reject` and `return` need
 *   one (行政许可法 art. 38: a refusal states its reasons in writing) in definitions of schema
 *   version 2; version 1 asked for none (see `outcomeNeedsReason`).
 * - `reasonField`: the key of a field of the task's form that holds the reason, so a completion
 *   whose data fills it gives the reason (a completion may also give it directly as `reason`).
 */
export const outcomeSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  reasonRequired: z.boolean().optional(),
  reasonField: idSchema.optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const formFieldTypeSchema = z.enum(['text', 'textarea', 'number', 'boolean', 'date', 'select']);
export type FormFieldType = z.infer<typeof formFieldTypeSchema>;

/** One field of a userTask's form. Its value is written to case data under `key`. */
export const formFieldSchema = z.object({
  key: idSchema,
  type: formFieldTypeSchema,
  label: z.string().min(1),
  required: z.boolean().default(false),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

/**
 * What a clerk acting on a task may do with one field (表单字段权限): not see it (`hidden`), see it
 * (`readOnly`), or see and write it (`editable`). See `fieldPermissionOf` for the defaults.
 */
export const fieldPermissionSchema = z.enum(['hidden', 'readOnly', 'editable']);
export type FieldPermission = z.infer<typeof fieldPermissionSchema>;

/**
 * How a multi-instance task (会签) completes: `all` instances approve, `any` one approves, or at
 * least `threshold` approve. It is refused as soon as that can no longer happen.
 */
export const completionRuleSchema = z.union([z.enum(['all', 'any']), z.object({ threshold: z.number().int().positive() })]);
export type CompletionRule = z.infer<typeof completionRuleSchema>;

/**
 * Several reviewers on one step (会签): one task per department kind or per assignee, all open at
 * once.
 *
 * - `over`: what each instance goes to, `departments` (a department kind at the task's level) or
 *   `assignees` (a user of the task's department).
 * - `items`: the list itself, or a FEEL expression over case data that yields it.
 * - `completion`: when the step is decided (see `completionRuleSchema`).
 */
export const multiInstanceSchema = z.object({
  over: z.enum(['departments', 'assignees']),
  items: z.union([z.array(z.string().min(1)).min(1), z.string().min(1)]),
  completion: completionRuleSchema,
});
export type MultiInstance = z.infer<typeof multiInstanceSchema>;

/** Levels of government, from the top of the jurisdiction tree down. */
export const levelSchema = z.enum(['city', 'district', 'subDistrict']);
export type Level = z.infer<typeof levelSchema>;

export const startEventSchema = z.object({ ...nodeBase, type: z.literal('startEvent') });

export const endEventSchema = z.object({
  ...nodeBase,
  type: z.literal('endEvent'),
  /** The case's result when it ends here, e.g. `approved`, `rejected`. */
  result: z.string().min(1),
});

export const userTaskSchema = z.object({
  ...nodeBase,
  type: z.literal('userTask'),
  /** The department kind that handles the task, e.g. `market-regulation`. Empty until the designer picks one (validation reports it). */
  department: z.string().default(''),
  /** The level whose department handles it: the case's own jurisdiction or its ancestor at that level. */
  level: levelSchema.default('district'),
  /** The role a user of that department needs to see and claim the task, e.g. `clerk`. Empty until picked (validation reports it). */
  candidateRole: z.string().default(''),
  /** The outcomes a clerk can choose; an empty list offers `approve` alone (see `offeredOutcomes`). */
  outcomes: z.array(outcomeSchema).default([]),
  form: z.array(formFieldSchema).default([]),
  /**
   * Per field, what a clerk acting on the task may do with it: keys are properties of the
   * definition's `dataSchema` (application data) or keys of the task's form. Unset, application
   * fields are read-only and the form's fields editable (see `fieldPermissionOf`).
   */
  fieldPermissions: z.record(z.string(), fieldPermissionSchema).optional(),
  sla: taskSlaSchema.optional(),
  /**
   * On the intake task only (行政许可法 art. 32(4)): the agency must tell the applicant what to
   * supplement within this time, e.g. `{ amount: 5, unit: 'workingDay' }`, or the application
   * counts as accepted from the day it was received. A timer runs from the task's first
   * activation; any decision on the task stops it (a 补正 request included); when it fires first,
   * the case is deemed accepted as of receipt (effect `deemAccepted`) and the task stays open.
   */
  acceptanceDeadline: durationSchema.optional(),
  /**
   * The extension a clerk may ask for when the statutory limit is not enough (行政许可法 art. 42:
   * 20 working days, +10 with the agency head's approval; joint handling 45, +15 with the
   * government head's): approved by a user with `approverRole`, at most `cap` (in the statutory
   * limit's unit), once per task activation.
   */
  extension: z.object({ approverRole: z.string().min(1), cap: durationSchema }).optional(),
  /**
   * Makes the task a countersignature (会签): one task per item, each decided `approve` or
   * `reject`; the step takes `approve` or `reject` once `completion` decides it.
   */
  multiInstance: multiInstanceSchema.optional(),
});

/** A parameter value of a service handler: text, a number or a yes/no. */
export const serviceParamValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type ServiceParamValue = z.infer<typeof serviceParamValueSchema>;

/**
 * How a service task does its work: a handler the host registered by name, with the parameters
 * that handler takes (the runtime lists each handler's parameters, `GET /services`), or an HTTP
 * call (`url` may hold `{key}` placeholders the host fills from case data).
 */
export const serviceImplementationSchema = z.union([
  z.object({ handler: z.string().min(1), params: z.record(idSchema, serviceParamValueSchema).optional() }).strict(),
  z
    .object({
      http: z.object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        url: z.string().regex(/^https?:\/\/\S+$/, 'An HTTP call needs an http:// or https:// URL'),
      }),
    })
    .strict(),
]);
export type ServiceImplementation = z.infer<typeof serviceImplementationSchema>;

/**
 * How often the host tries a failing service again before it gives up and records an incident:
 * `attempts` more tries, waiting `delaySeconds` (`fixed`) or `delaySeconds` × 2^(n−1) before the
 * n-th (`exponential`).
 */
export const serviceRetrySchema = z.object({
  attempts: z.number().int().min(0).max(25),
  backoff: z.object({ type: z.enum(['fixed', 'exponential']), delaySeconds: z.number().positive() }),
});
export type ServiceRetry = z.infer<typeof serviceRetrySchema>;

/**
 * An automated step (a licence lookup, a registry write): the host invokes `implementation`
 * (effect `invokeService`), retries by `retry`, and reports `service.succeeded` (its data merges
 * into the case data and the case goes on along the task's one outgoing edge) or, after the last
 * retry, `service.failed` (an incident: the case waits until `service.retry`).
 */
export const serviceTaskSchema = z.object({
  ...nodeBase,
  type: z.literal('serviceTask'),
  implementation: serviceImplementationSchema,
  retry: serviceRetrySchema.optional(),
});

/**
 * A wait for a time (a BPMN intermediate timer catch event): a public-notice period (公示), a
 * cooling-off period. The case waits `duration`, counted on the workflow's calendar like a task
 * limit, then goes on along the node's one outgoing edge (effect `scheduleTimer`, event
 * `timer.fired`).
 */
export const timerEventSchema = z.object({ ...nodeBase, type: z.literal('timerEvent'), duration: durationSchema });

/**
 * Runs another published definition as a sub-case (a licence reused inside several one-thing
 * processes): effect `startSubCase` with the case data (only the `inputs` keys when given); the
 * case waits until `subCase.completed`, whose `data` merges into the case data. The sub-case's
 * `result` routes: an edge whose `outcome` is that result takes it, the edge without an outcome
 * takes every other result.
 */
export const callActivitySchema = z.object({
  ...nodeBase,
  type: z.literal('callActivity'),
  /** The key of the definition to run, e.g. `food-business-licence`. */
  calledElement: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'A workflow key is kebab-case, e.g. "open-restaurant"'),
  /** The version to run; absent: the latest published when the sub-case starts. */
  version: z.number().int().positive().optional(),
  /** The case-data keys the sub-case starts with; absent: all of them. */
  inputs: z.array(z.string().min(1)).optional(),
});

export const exclusiveGatewaySchema = z.object({ ...nodeBase, type: z.literal('exclusiveGateway') });

/** A parallel gateway splits (one incoming, several outgoing) or joins (several incoming, one outgoing). */
export const parallelGatewaySchema = z.object({ ...nodeBase, type: z.literal('parallelGateway') });

/**
 * An inclusive gateway splits like a parallel one, but starts only the branches whose `condition`
 * holds (an edge without a condition always starts; the `default` edge starts when no condition
 * holds), and its joining inclusive gateway waits for exactly the branches that started. It models
 * the branches of a one-thing process that apply only to some applicants (a fire-safety
 * inspection only for public-gathering venues, a sign permit only when there is a sign).
 */
export const inclusiveGatewaySchema = z.object({ ...nodeBase, type: z.literal('inclusiveGateway') });

export const nodeSchema = z.discriminatedUnion('type', [
  startEventSchema,
  endEventSchema,
  userTaskSchema,
  serviceTaskSchema,
  timerEventSchema,
  callActivitySchema,
  exclusiveGatewaySchema,
  parallelGatewaySchema,
  inclusiveGatewaySchema,
]);

export type StartEvent = z.infer<typeof startEventSchema>;
export type EndEvent = z.infer<typeof endEventSchema>;
export type UserTask = z.infer<typeof userTaskSchema>;
export type ServiceTask = z.infer<typeof serviceTaskSchema>;
export type TimerEvent = z.infer<typeof timerEventSchema>;
export type CallActivity = z.infer<typeof callActivitySchema>;
export type ExclusiveGateway = z.infer<typeof exclusiveGatewaySchema>;
export type ParallelGateway = z.infer<typeof parallelGatewaySchema>;
export type InclusiveGateway = z.infer<typeof inclusiveGatewaySchema>;
export type WorkflowNode = z.infer<typeof nodeSchema>;
export type NodeType = WorkflowNode['type'];
