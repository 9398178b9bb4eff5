import { z } from '@hono/zod-openapi';
import { diagnosticCodes } from '@tongban/engine';
import { DEFINITION_LIMITS, freeFormObject } from './free-form.schema.ts';

/** A workflow key in a path: kebab-case, e.g. `open-restaurant`. */
export const workflowKeyParamSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'A workflow key is kebab-case, e.g. "open-restaurant"')
  .openapi({ example: 'open-restaurant' });

/** A version in a path: a positive integer, or `latest`. */
export const versionParamSchema = z
  .string()
  .regex(/^(latest|[1-9][0-9]{0,8})$/, 'A version is a positive integer or "latest"')
  .openapi({ example: '1' });

/** The version a {@link versionParamSchema} value names. */
export function versionOf(param: string): number | 'latest' {
  return param === 'latest' ? 'latest' : Number(param);
}

/** One finding of definition validation, placed by `nodeId`, `edgeId` or `field`. */
export const diagnosticSchema = z
  .object({
    code: z.enum(diagnosticCodes),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    field: z.string().optional(),
  })
  .openapi('Diagnostic');

/**
 * A workflow definition as the designer sends it. Only "a JSON object within
 * {@link DEFINITION_LIMITS}" is checked here: its content is the engine's to judge, answered as
 * diagnostics rather than as `invalid-input`.
 */
export const definitionInputSchema = freeFormObject(
  DEFINITION_LIMITS,
  'A workflow definition: `{ schemaVersion, key, version, name, description, calendar, promisedSla?, nodes, edges, dataSchema? }`. ' +
    '`dataSchema` is written in the safe subset of JSON Schema draft-07 (engine/docs/data-schema.md: no `$ref`, known formats, patterns run by RE2, size limits); ' +
    'every duration stays within what the business calendar counts (ten years of its unit); either refusal is a diagnostic naming the field',
).openapi('WorkflowDefinitionInput');

/** Longest change note a publish may carry, in characters. */
export const MAX_CHANGE_NOTE_LENGTH = 2000;

/** What a publish says beside the definition: the version it started from, and what changed. */
export const publishMetaSchema = z.object({
  baseVersion: z
    .number()
    .int()
    .min(1)
    .max(999_999_999)
    .nullable()
    .optional()
    .openapi({
      description:
        'The version the drawing started from; `null` or absent for a new key. A key that exists refuses a missing or stale one with 409 `version-conflict` naming the latest version',
    }),
  changeNote: z
    .string()
    .max(MAX_CHANGE_NOTE_LENGTH)
    .optional()
    .openapi({ description: 'What changed in this version, shown in the version history' }),
}).openapi({ maxProperties: DEFINITION_LIMITS.maxKeys });

/** The body of `POST /definitions`: a definition, with {@link publishMetaSchema}'s fields beside its own. */
export const publishInputSchema = definitionInputSchema.and(publishMetaSchema).openapi('PublishDefinitionInput');

/** A published version without its content. */
export const definitionSummarySchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    name: z.string(),
    publishedAt: z.date().openapi({ type: 'string', format: 'date-time' }),
    publishedBy: z.string().nullable(),
    changeNote: z.string().nullable(),
  })
  .openapi('DefinitionSummary');
