import { z } from 'zod';
import { edgeSchema } from './edge.schema.ts';
import { nodeSchema } from './node.schema.ts';
import { durationSchema } from './sla.schema.ts';

/**
 * The schema version this engine writes. Version 2 (this one) requires a reason for `reject` and
 * `return` unless an outcome says otherwise; version 1 did not. `parseDefinition` migrates a
 * version 1 definition forward (`migrateDefinition`); the schema still reads version 1 as written,
 * with its own meaning.
 */
export const CURRENT_SCHEMA_VERSION = 2;

/** The schema versions this engine reads. */
export const schemaVersionSchema = z.literal([1, CURRENT_SCHEMA_VERSION]);
export type SchemaVersion = z.infer<typeof schemaVersionSchema>;

/** Workflow keys are kebab-case: `open-restaurant`. */
export const workflowKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'A workflow key is kebab-case, e.g. "open-restaurant"');

/**
 * A workflow definition: the designer's graph, as JSON a person could write by hand.
 * `key` + `version` name it; a published version never changes.
 */
export const definitionSchema = z.object({
  schemaVersion: schemaVersionSchema,
  key: workflowKeySchema,
  version: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string().default(''),
  /** Key of the business calendar its working time is counted on, e.g. `cn-mainland`. */
  calendar: z.string().min(1),
  /** The case's promised total (承诺办结时限), counted from acceptance to the final decision. */
  promisedSla: durationSchema.optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  /** Optional JSON Schema of the case data an application carries. */
  dataSchema: z.record(z.string(), z.unknown()).optional(),
});

/** A workflow definition as stored and exchanged (defaults applied). */
export type WorkflowDefinition = z.infer<typeof definitionSchema>;
/** A workflow definition as a person may write it (defaulted fields optional). */
export type WorkflowDefinitionInput = z.input<typeof definitionSchema>;
