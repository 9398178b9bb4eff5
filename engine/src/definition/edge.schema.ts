import { z } from 'zod';
import { idSchema } from './node.schema.ts';

/** The two limits of a userTask an SLA edge can watch: the promised one (warns) and the statutory one. */
export const slaLimitSchema = z.enum(['promised', 'statutory']);
export type SlaLimit = z.infer<typeof slaLimitSchema>;

/**
 * What an SLA edge does when its limit passes.
 *
 * - `escalate`: report the task up the jurisdiction tree (effect `escalate`).
 * - `notify`: remind the clerks of the task (effect `notify`); only while the task stays open.
 * - `deemedApproval` / `deemedRejection` (超时默认): the department's silence counts as approval /
 *   rejection (effect `deemOutcome`); only on an interrupting edge, which then leaves the task.
 */
export const slaActionSchema = z.enum(['escalate', 'notify', 'deemedApproval', 'deemedRejection']);
export type SlaAction = z.infer<typeof slaActionSchema>;

/**
 * A sequence flow between two nodes.
 *
 * - `outcome`: on an edge leaving a userTask, the clerk's outcome that takes it; on an edge leaving
 *   a callActivity, the result of the sub-case that takes it.
 * - `condition`: on an edge leaving an exclusive or a splitting inclusive gateway, a FEEL
 *   expression over case data.
 * - `default`: the gateway's edge taken when no condition holds.
 * - `kind: 'slaBreach'`: the BPMN timer boundary event on a userTask, watching one of its limits
 *   (`limit`, default `statutory`). An `interrupting` edge (the default) leaves the task when the
 *   limit passes, towards `target`, doing `action` (default `escalate`); a non-interrupting one
 *   (`interrupting: false`) loops back to its task, which stays open, and does `action` (default
 *   `notify`). `interrupting`, `limit` and `action` mean nothing on other edges.
 */
export const edgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  outcome: idSchema.optional(),
  condition: z.string().min(1).optional(),
  default: z.boolean().optional(),
  kind: z.enum(['sequence', 'slaBreach']).optional(),
  interrupting: z.boolean().optional(),
  limit: slaLimitSchema.optional(),
  action: slaActionSchema.optional(),
  label: z.string().optional(),
});
export type WorkflowEdge = z.infer<typeof edgeSchema>;

/** The SLA edge settings with their defaults applied: what a `slaBreach` edge does. */
export interface SlaEdgeBehaviour {
  interrupting: boolean;
  limit: SlaLimit;
  action: SlaAction;
}

/**
 * The behaviour of the `slaBreach` edge `edge`, defaults applied: interrupting, on the statutory
 * limit, escalating; a non-interrupting edge notifies unless it says otherwise.
 *
 * Pure: performs no I/O.
 */
export function slaEdgeBehaviour(edge: Pick<WorkflowEdge, 'interrupting' | 'limit' | 'action'>): SlaEdgeBehaviour {
  const interrupting = edge.interrupting ?? true;
  return { interrupting, limit: edge.limit ?? 'statutory', action: edge.action ?? (interrupting ? 'escalate' : 'notify') };
}
