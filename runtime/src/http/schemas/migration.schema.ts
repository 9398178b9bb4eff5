import { z } from '@hono/zod-openapi';
import { idParamSchema } from './common.schema.ts';

const nodeIdSchema = z.string().min(1).max(100);
const versionSchema = z.number().int().min(1).max(999_999_999);

/** Most entries of a node mapping. */
export const MAX_MAPPING_ENTRIES = 500;

/** The body of `POST /definitions/{key}/migrations[/dry-run]`. */
export const migrationInputSchema = z
  .object({
    sourceVersion: versionSchema.openapi({ description: 'The version the cases run on' }),
    targetVersion: versionSchema.openapi({ description: 'The later version they move to' }),
    mapping: z
      .record(nodeIdSchema, nodeIdSchema)
      .refine((mapping) => Object.keys(mapping).length <= MAX_MAPPING_ENTRIES, `At most ${MAX_MAPPING_ENTRIES} entries`)
      .openapi({ description: 'Source node id → target node id; an active node not named keeps its id', example: { review: 'check' }, maxProperties: MAX_MAPPING_ENTRIES }),
    caseIds: z
      .array(idParamSchema)
      .max(500)
      .optional()
      .openapi({ description: 'The cases to move; absent: every running case of the source version (at most 500, oldest first)' }),
  })
  .strict()
  .openapi('MigrationInput');

const refusalDescription =
  'Why it does not move: `case-not-running`, `case-suspended`, `target-missing`, `type-mismatch`, `countersign-changed`, `activity-remapped`, ' +
  '`duplicate-target`, `parallel-branch-unmapped`, `case-not-found`, `case-not-on-source-version`, `signer-pending` (an added signer’s task is open), or the code of an error met while moving it';

const taskMigrationSchema = z.object({
  nodeId: z.string(),
  nodeType: z.enum(['userTask', 'serviceTask', 'timerEvent', 'callActivity']),
  activationId: z.string(),
  targetNodeId: z.string(),
  targetActivationId: z.string(),
  action: z.enum(['kept', 'mapped', 'refused']),
  reason: z.string().optional().openapi({ description: refusalDescription }),
  taskId: z.string().nullable().openapi({ description: 'The task row, for a userTask' }),
  targetDepartmentId: z.string().optional().openapi({ description: 'Set when the target node routes the task to another department (its claim is released)' }),
});

const timerMigrationSchema = z.object({
  timerId: z.string().nullable(),
  kind: z.enum(['taskAtRisk', 'taskBreach', 'caseAtRisk', 'serviceRetry', 'acceptance', 'timerEvent']),
  taskId: z.string().nullable(),
  action: z.enum(['kept', 'recounted', 'cancelled', 'armed']),
  dueAt: z.string().nullable(),
  targetDueAt: z.string().nullable(),
});

/** What a migration does (dry run) or did (apply) to each chosen case. */
export const migrationReportSchema = z
  .object({
    key: z.string(),
    sourceVersion: z.number().int(),
    targetVersion: z.number().int(),
    dryRun: z.boolean(),
    cases: z.array(
      z.object({
        caseId: z.string(),
        status: z.enum(['ready', 'migrated', 'refused']),
        reason: z.string().optional().openapi({ description: refusalDescription }),
        tasks: z.array(taskMigrationSchema),
        timers: z.array(timerMigrationSchema),
      }),
    ),
  })
  .openapi('MigrationReport');
