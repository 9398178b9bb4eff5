import { z } from '@hono/zod-openapi';
import { caseStatuses, incidentStatuses } from '../../db/schema/index.ts';
import { nullableTimestampSchema, timestampSchema } from './timestamp.schema.ts';

/** A service invocation that failed after its last attempt, with its case's workflow and jurisdiction. */
export const incidentSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    nodeId: z.string(),
    invocationId: z.string(),
    service: z.string().openapi({ example: 'verify-business-licence' }),
    error: z.string().openapi({ description: 'The error of the last failed attempt' }),
    attempts: z.number().int().openapi({ description: 'Attempts made so far' }),
    status: z.enum(incidentStatuses),
    retries: z.number().int().openapi({ description: 'Retries asked for through the API' }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    retriedAt: nullableTimestampSchema,
    retriedBy: z.string().nullable(),
    resolvedAt: nullableTimestampSchema,
    definitionKey: z.string(),
    caseJurisdictionId: z.string(),
    caseStatus: z.enum(caseStatuses),
  })
  .openapi('Incident');
