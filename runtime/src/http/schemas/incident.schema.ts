import { z } from '@hono/zod-openapi';
import { caseStatuses, incidentKinds, incidentStatuses } from '../../db/schema/index.ts';
import { nullableTimestampSchema, timestampSchema } from './timestamp.schema.ts';

/**
 * An incident, with its case's workflow and jurisdiction: a service invocation that failed after
 * its last attempt (kind `service`), or a FEEL expression whose evaluation exceeded its budget
 * (kind `feel`).
 */
export const incidentSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.enum(incidentKinds).openapi({ description: '`service`: a service task failed after its retries; `feel`: a FEEL expression exceeded its time or memory budget' }),
    nodeId: z.string().openapi({ description: 'The service task; for kind `feel`, the gateway of the edge (or the multi-instance task)' }),
    invocationId: z.string().nullable().openapi({ description: 'The latest failed invocation (kind `service`)' }),
    service: z.string().nullable().openapi({ example: 'verify-business-licence', description: 'The service (kind `service`)' }),
    edgeId: z.string().nullable().openapi({ description: 'Kind `feel`: the edge whose condition it is (null for a multi-instance collection)' }),
    expression: z.string().nullable().openapi({ description: 'Kind `feel`: the FEEL expression' }),
    error: z.string().openapi({ description: 'The error of the last failed attempt' }),
    attempts: z.number().int().openapi({ description: 'Attempts made so far (kind `feel`: steps it stopped)' }),
    status: z.enum(incidentStatuses),
    retries: z.number().int().openapi({ description: 'Retries asked for through the API' }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    retriedAt: nullableTimestampSchema,
    retriedBy: z.string().nullable(),
    resolvedAt: nullableTimestampSchema,
    caseNumber: z.string().openapi({ description: 'The number a person reads of its case', example: 'SH-2026-000123' }),
    definitionKey: z.string(),
    caseJurisdictionId: z.string(),
    caseStatus: z.enum(caseStatuses),
  })
  .openapi('Incident');
