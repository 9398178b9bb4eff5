import { z } from 'zod';
import { idSchema } from './node.schema.ts';

/**
 * A sequence flow between two nodes.
 *
 * - `outcome`: on an edge leaving a userTask, the clerk's outcome that takes it.
 * - `condition`: on an edge leaving an exclusiveGateway, a FEEL expression over case data.
 * - `default`: the exclusiveGateway's edge taken when no condition holds.
 * - `kind: 'slaBreach'`: the BPMN timer boundary event on a userTask, taken when its statutory limit passes.
 */
export const edgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  outcome: idSchema.optional(),
  condition: z.string().min(1).optional(),
  default: z.boolean().optional(),
  kind: z.enum(['sequence', 'slaBreach']).optional(),
  label: z.string().optional(),
});
export type WorkflowEdge = z.infer<typeof edgeSchema>;
