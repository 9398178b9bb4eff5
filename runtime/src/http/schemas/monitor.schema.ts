import { z } from '@hono/zod-openapi';
import { taskSchema } from './case.schema.ts';
import { timestampSchema } from './timestamp.schema.ts';

/** A task on a monitor list, with its case's workflow and jurisdiction. */
export const monitoredTaskSchema = taskSchema
  .extend({
    definitionKey: z.string(),
    caseJurisdictionId: z.string(),
    caseStatus: z.string(),
  })
  .openapi('MonitoredTask');

/** A notice about an escalated breach, addressed to a jurisdiction's supervisors. */
export const escalationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    jurisdictionId: z.string().nullable(),
    departmentId: z.string().nullable(),
    caseId: z.string().nullable(),
    taskId: z.string().nullable(),
    message: z.string(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: timestampSchema,
  })
  .openapi('Escalation');

/** The load and SLA compliance of one department. */
export const departmentLoadSchema = z
  .object({
    departmentId: z.string(),
    departmentName: z.string(),
    jurisdictionId: z.string(),
    kind: z.string(),
    open: z.number().int(),
    atRisk: z.number().int(),
    overdue: z.number().int(),
    met: z.number().int(),
    breached: z.number().int(),
  })
  .openapi('DepartmentLoad');
