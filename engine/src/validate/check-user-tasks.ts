import { dataSchemaFields, offeredOutcomes, slaEdgeBehaviour } from '../definition/index.ts';
import type { SlaLimit, UserTask, WorkflowEdge } from '../definition/index.ts';
import { checkFeelBounds, parseCondition } from '../feel/index.ts';
import type { DefinitionGraph } from './definition-graph.ts';
import { edgeField, isReturnEdge, nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/** Outcomes that do not route along an edge: 补正 suspends the case in place. */
const NON_ROUTING_OUTCOMES = new Set(['requestSupplement']);

/**
 * `user-task-without-department`, `user-task-without-role`, `duplicate-outcome`,
 * `reason-field-not-in-form`, `unknown-outcome`,
 * `outcome-without-edge`, `duplicate-outcome-edge`, `supplement-outcome-routed`, `outcome-ignored`,
 * `invalid-sla-breach-edge`, `sla-edge-without-limit`, `invalid-extension`, `extension-exceeds-law`,
 * `invalid-multi-instance`, `field-permission-unknown-field`, `field-permission-hidden-required`.
 *
 * Routing rules of a userTask: an edge with an `outcome` is taken by that outcome; one edge without
 * an outcome is taken by every routing outcome no other edge names; `return` needs its own edges
 * (one per target); `requestSupplement` needs none; an edge of kind `slaBreach` acts when the limit
 * it watches passes (see `checkSlaEdges`).
 * @internal
 */
export function checkUserTasks(graph: DefinitionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of graph.nodes.values()) {
    if (node.type === 'userTask') diagnostics.push(...checkTask(graph, node));
  }
  for (const edge of graph.edges) {
    const source = graph.nodes.get(edge.source);
    if (source?.type === 'userTask') continue;
    if (edge.outcome !== undefined && source?.type !== 'callActivity') {
      diagnostics.push({
        code: 'outcome-ignored',
        severity: 'warning',
        message: `Edge '${edge.id}' names outcome '${edge.outcome}', but it leaves '${edge.source}', which is neither a user task nor a call activity; the outcome is ignored`,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'outcome'),
      });
    }
    if (edge.kind === 'slaBreach') {
      diagnostics.push({
        code: 'invalid-sla-breach-edge',
        severity: 'error',
        message: `Edge '${edge.id}' is an SLA breach edge, but it leaves '${edge.source}', which is not a user task`,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'kind'),
      });
    }
  }
  return diagnostics;
}

function checkTask(graph: DefinitionGraph, task: UserTask): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (task.department.trim() === '' && task.multiInstance?.over !== 'departments') {
    diagnostics.push({
      code: 'user-task-without-department',
      severity: 'error',
      message: `User task '${task.id}' names no department to handle it`,
      nodeId: task.id,
      field: nodeField(graph, task.id, 'department'),
    });
  }
  if (task.candidateRole.trim() === '') {
    diagnostics.push({
      code: 'user-task-without-role',
      severity: 'error',
      message: `User task '${task.id}' names no candidate role`,
      nodeId: task.id,
      field: nodeField(graph, task.id, 'candidateRole'),
    });
  }
  const seen = new Set<string>();
  task.outcomes.forEach((outcome, index) => {
    if (seen.has(outcome.id)) {
      diagnostics.push({
        code: 'duplicate-outcome',
        severity: 'error',
        message: `User task '${task.id}' lists outcome '${outcome.id}' more than once`,
        nodeId: task.id,
        field: nodeField(graph, task.id, `outcomes[${index}].id`),
      });
    }
    seen.add(outcome.id);
    if (outcome.reasonField !== undefined && !task.form.some((field) => field.key === outcome.reasonField)) {
      diagnostics.push({
        code: 'reason-field-not-in-form',
        severity: 'error',
        message: `Outcome '${outcome.id}' of task '${task.id}' takes its reason from form field '${outcome.reasonField}', which the task's form does not have`,
        nodeId: task.id,
        field: nodeField(graph, task.id, `outcomes[${index}].reasonField`),
      });
    }
  });

  diagnostics.push(...checkExtension(graph, task), ...checkMultiInstance(graph, task), ...checkFieldPermissions(graph, task));

  const offered = offeredOutcomes(task);
  const outgoing = graph.outgoing.get(task.id) ?? [];
  const breachEdges = outgoing.filter((edge) => edge.kind === 'slaBreach');
  const routing = outgoing.filter((edge) => edge.kind !== 'slaBreach');

  diagnostics.push(...checkSlaEdges(graph, task, breachEdges, offered));

  const byOutcome = new Map<string, WorkflowEdge[]>();
  const catchAll: WorkflowEdge[] = [];
  for (const edge of routing) {
    if (edge.outcome === undefined) {
      catchAll.push(edge);
      continue;
    }
    if (!offered.includes(edge.outcome)) {
      diagnostics.push({
        code: 'unknown-outcome',
        severity: 'error',
        message: `Edge '${edge.id}' leaves task '${task.id}' on outcome '${edge.outcome}', which the task does not offer (it offers ${quoteList(offered)})`,
        nodeId: task.id,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'outcome'),
      });
      continue;
    }
    if (NON_ROUTING_OUTCOMES.has(edge.outcome)) {
      diagnostics.push({
        code: 'supplement-outcome-routed',
        severity: 'error',
        message: `Edge '${edge.id}' routes outcome '${edge.outcome}' of task '${task.id}', but a supplement request keeps the case at the task until the applicant answers`,
        nodeId: task.id,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'outcome'),
      });
      continue;
    }
    const list = byOutcome.get(edge.outcome) ?? [];
    list.push(edge);
    byOutcome.set(edge.outcome, list);
  }

  for (const [outcome, edges] of byOutcome) {
    if (edges.length < 2) continue;
    if (edges.every((edge) => isReturnEdge(graph, edge))) {
      const targets = new Map<string, string>();
      for (const edge of edges) {
        const earlier = targets.get(edge.target);
        if (earlier !== undefined) {
          diagnostics.push({
            code: 'duplicate-outcome-edge',
            severity: 'error',
            message: `Return edges '${earlier}' and '${edge.id}' of task '${task.id}' both lead to '${edge.target}'`,
            nodeId: task.id,
            edgeId: edge.id,
          });
        }
        targets.set(edge.target, edge.id);
      }
      continue;
    }
    diagnostics.push({
      code: 'duplicate-outcome-edge',
      severity: 'error',
      message: `Outcome '${outcome}' of task '${task.id}' leaves on several edges (${quoteList(edges.map((e) => e.id))}); it can take only one`,
      nodeId: task.id,
      edgeId: edges[1]?.id,
    });
  }
  if (catchAll.length > 1) {
    diagnostics.push({
      code: 'duplicate-outcome-edge',
      severity: 'error',
      message: `Task '${task.id}' has several edges without an outcome (${quoteList(catchAll.map((e) => e.id))}); only one can take the remaining outcomes`,
      nodeId: task.id,
      edgeId: catchAll[1]?.id,
    });
  }

  for (const outcome of offered) {
    if (NON_ROUTING_OUTCOMES.has(outcome) || byOutcome.has(outcome)) continue;
    if (outcome !== 'return' && catchAll.length > 0) continue;
    diagnostics.push({
      code: 'outcome-without-edge',
      severity: 'error',
      message:
        outcome === 'return'
          ? `Task '${task.id}' offers outcome 'return', but no return edge leads back from it to an earlier task`
          : `Task '${task.id}' offers outcome '${outcome}', but no edge leaves it on that outcome`,
      nodeId: task.id,
    });
  }
  return diagnostics;
}

/**
 * The SLA edges of one task: at most one per limit; an interrupting edge watches the statutory
 * limit and escalates or deems an outcome the task offers; a non-interrupting edge loops back to
 * its task and notifies or escalates; none names an outcome. An edge whose limit the task does not
 * set never acts (`sla-edge-without-limit`, a warning).
 */
function checkSlaEdges(graph: DefinitionGraph, task: UserTask, edges: WorkflowEdge[], offered: string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const invalid = (edge: WorkflowEdge, message: string, property?: string): void => {
    diagnostics.push({
      code: 'invalid-sla-breach-edge',
      severity: 'error',
      message,
      nodeId: task.id,
      edgeId: edge.id,
      field: edgeField(graph, edge, property),
    });
  };
  const byLimit = new Map<SlaLimit, string>();
  for (const edge of edges) {
    const { interrupting, limit, action } = slaEdgeBehaviour(edge);
    const first = byLimit.get(limit);
    if (first !== undefined) {
      invalid(edge, `SLA edge '${edge.id}' of task '${task.id}' watches its ${limit} limit, which SLA edge '${first}' already watches`, 'limit');
    }
    byLimit.set(limit, edge.id);
    if (edge.outcome !== undefined) {
      invalid(edge, `SLA breach edge '${edge.id}' of task '${task.id}' names outcome '${edge.outcome}'; a breach is not a clerk's decision`, 'outcome');
    }
    if (interrupting) {
      if (limit === 'promised') {
        invalid(edge, `Interrupting SLA edge '${edge.id}' of task '${task.id}' would leave the task at its promised limit, which only warns; watch the statutory limit, or make the edge non-interrupting`, 'limit');
      }
      if (action === 'notify') {
        invalid(edge, `Interrupting SLA edge '${edge.id}' of task '${task.id}' only notifies; a notice keeps the task open, so make the edge non-interrupting`, 'action');
      }
      const deemed = action === 'deemedApproval' ? 'approve' : action === 'deemedRejection' ? 'reject' : undefined;
      if (deemed !== undefined && !offered.includes(deemed)) {
        invalid(edge, `SLA edge '${edge.id}' of task '${task.id}' deems the outcome '${deemed}', which the task does not offer (it offers ${quoteList(offered)})`, 'action');
      }
    } else {
      if (action === 'deemedApproval' || action === 'deemedRejection') {
        invalid(edge, `Non-interrupting SLA edge '${edge.id}' of task '${task.id}' cannot deem an outcome: the task stays open; make the edge interrupting`, 'action');
      }
      if (edge.target !== task.id) {
        invalid(edge, `Non-interrupting SLA edge '${edge.id}' of task '${task.id}' leads to '${edge.target}'; the task stays open, so the edge loops back to '${task.id}'`, 'target');
      }
    }
    if (task.sla?.[limit] === undefined) {
      diagnostics.push({
        code: 'sla-edge-without-limit',
        severity: 'warning',
        message: `SLA edge '${edge.id}' of task '${task.id}' watches its ${limit} limit, but the task sets none, so the edge never acts`,
        nodeId: task.id,
        edgeId: edge.id,
        field: nodeField(graph, task.id, 'sla'),
      });
    }
  }
  return diagnostics;
}

/**
 * What 行政许可法 art. 42 lets an extension add, in working days: 10 to the general limit of 20
 * working days, 15 to the limit of 45 for unified, joint or centralised handling. Other laws may
 * allow more, so a larger cap is a warning.
 */
const LAW_EXTENSION_DAYS = { general: 10, joint: 15, generalLimit: 20 } as const;

/**
 * An extension lengthens the statutory limit: the task needs one, the cap is counted in its unit,
 * a role approves it, and (a warning) the cap stays within what art. 42 allows.
 */
function checkExtension(graph: DefinitionGraph, task: UserTask): Diagnostic[] {
  const { extension } = task;
  if (extension === undefined) return [];
  const invalid = (message: string, property: string): Diagnostic => ({
    code: 'invalid-extension',
    severity: 'error',
    message,
    nodeId: task.id,
    field: nodeField(graph, task.id, `extension.${property}`),
  });
  const statutory = task.sla?.statutory;
  const diagnostics: Diagnostic[] = [];
  if (statutory === undefined) {
    diagnostics.push(invalid(`Task '${task.id}' allows an extension but has no statutory limit to extend`, 'cap'));
  } else if (statutory.unit !== extension.cap.unit) {
    diagnostics.push(
      invalid(`The extension cap of task '${task.id}' is counted in ${extension.cap.unit}, its statutory limit in ${statutory.unit}; count both in one unit`, 'cap.unit'),
    );
  }
  if (extension.approverRole.trim() === '') diagnostics.push(invalid(`The extension of task '${task.id}' names no role to approve it`, 'approverRole'));
  if (statutory !== undefined && extension.cap.unit === 'workingDay') {
    const joint = statutory.amount > LAW_EXTENSION_DAYS.generalLimit;
    const allowed = joint ? LAW_EXTENSION_DAYS.joint : LAW_EXTENSION_DAYS.general;
    if (extension.cap.amount > allowed) {
      diagnostics.push({
        code: 'extension-exceeds-law',
        severity: 'warning',
        message: `Task '${task.id}' may be extended by ${extension.cap.amount} working days; 行政许可法 art. 42 allows ${allowed} for a limit of ${statutory.amount} working days (10 for 20, 15 for joint handling up to 45), unless another law allows more`,
        nodeId: task.id,
        field: nodeField(graph, task.id, 'extension.cap.amount'),
      });
    }
  }
  return diagnostics;
}

/**
 * A countersignature (会签) decides by approvals: its instances offer `approve` and `reject` only,
 * a fixed list has at least `threshold` items, a collection is a FEEL expression that does not read
 * the clock, and it is not an intake (no acceptance deadline).
 */
function checkMultiInstance(graph: DefinitionGraph, task: UserTask): Diagnostic[] {
  const { multiInstance } = task;
  if (multiInstance === undefined) return [];
  const invalid = (message: string, property: string): Diagnostic => ({
    code: 'invalid-multi-instance',
    severity: 'error',
    message,
    nodeId: task.id,
    field: nodeField(graph, task.id, property),
  });
  const diagnostics: Diagnostic[] = [];
  const offered = offeredOutcomes(task);
  const others = offered.filter((outcome) => outcome !== 'approve' && outcome !== 'reject');
  if (others.length > 0 || !offered.includes('approve')) {
    diagnostics.push(
      invalid(`Multi-instance task '${task.id}' offers ${quoteList(offered)}; each of its instances approves or rejects, so it offers 'approve' and 'reject' only`, 'outcomes'),
    );
  }
  const { items, completion } = multiInstance;
  if (Array.isArray(items)) {
    if (typeof completion === 'object' && completion.threshold > items.length) {
      diagnostics.push(
        invalid(`Multi-instance task '${task.id}' needs ${completion.threshold} approvals but has ${items.length} instances`, 'multiInstance.completion'),
      );
    }
  } else {
    const parsed = parseCondition(items);
    if (!parsed.ok || parsed.readsClock) {
      const why = parsed.ok ? 'calls now() or today()' : 'does not parse as FEEL';
      diagnostics.push(invalid(`The collection '${items}' of multi-instance task '${task.id}' ${why}`, 'multiInstance.items'));
    } else {
      for (const error of checkFeelBounds(items)) {
        diagnostics.push({
          code: error.code,
          severity: 'error',
          message: `The collection of multi-instance task '${task.id}': ${error.message}; its cost would not be bounded by the case data`,
          nodeId: task.id,
          field: nodeField(graph, task.id, 'multiInstance.items'),
        });
      }
    }
  }
  if (task.acceptanceDeadline !== undefined) {
    diagnostics.push(invalid(`Multi-instance task '${task.id}' cannot be an intake with an acceptance deadline`, 'acceptanceDeadline'));
  }
  return diagnostics;
}

/**
 * Field permissions name fields the clerk could meet at the task: a property of the definition's
 * `dataSchema` or a field of the task's form; a required form field is not hidden (the clerk could
 * never fill it in).
 */
function checkFieldPermissions(graph: DefinitionGraph, task: UserTask): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const known = new Set([...dataSchemaFields(graph.definition), ...task.form.map((field) => field.key)]);
  for (const [key, permission] of Object.entries(task.fieldPermissions ?? {})) {
    const field = nodeField(graph, task.id, `fieldPermissions.${key}`);
    if (!known.has(key)) {
      diagnostics.push({
        code: 'field-permission-unknown-field',
        severity: 'error',
        message: `Task '${task.id}' sets a permission on field '${key}', which is neither a property of the data schema nor a field of its form`,
        nodeId: task.id,
        field,
      });
    } else if (permission === 'hidden' && task.form.some((formField) => formField.key === key && formField.required)) {
      diagnostics.push({
        code: 'field-permission-hidden-required',
        severity: 'error',
        message: `Task '${task.id}' hides its required form field '${key}', which the clerk then could never fill in`,
        nodeId: task.id,
        field,
      });
    }
  }
  return diagnostics;
}
