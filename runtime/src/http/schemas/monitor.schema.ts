import { z } from '@hono/zod-openapi';
import { dayNumberOfDate } from '../../monitor/local-dates.ts';
import { MAX_SERIES_DAYS, seriesRangeProblem } from '../../monitor/series-range.ts';
import { taskSchema } from './case.schema.ts';
import { workflowKeyParamSchema } from './definition.schema.ts';
import { timestampSchema } from './timestamp.schema.ts';

/** A task on a monitor list, with its case's number, workflow and jurisdiction. */
export const monitoredTaskSchema = taskSchema
  .extend({
    caseNumber: z.string().openapi({ description: 'The number a person reads of its case', example: 'SH-2026-000123' }),
    definitionKey: z.string(),
    caseJurisdictionId: z.string(),
    caseStatus: z.string(),
    applicantName: z.string().nullable(),
    assigneeName: z.string().nullable().openapi({ description: 'The assignee’s display name; null while unclaimed' }),
    overdueWorkingMinutes: z.number().int().nullable().openapi({ description: 'Working minutes since the statutory limit passed, on the case’s calendar; null when it has not' }),
    workingMinutesPerDay: z.number().int().openapi({ description: 'Working minutes of a full working day on that calendar' }),
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
    caseNumber: z.string().nullable().openapi({ description: 'The number a person reads of that case', example: 'SH-2026-000123' }),
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
    medianHandlingMinutes: z.number().nullable().openapi({
      description: 'Median working minutes from creation to decision of its decided tasks, rounded; null when none was decided',
    }),
    handled: z.number().int().openapi({ description: 'Decided tasks the median is taken over' }),
  })
  .openapi('DepartmentLoad');

/** The median handling time of a district (its departments and its sub-districts'; the city its own). */
export const districtHandlingSchema = z
  .object({
    jurisdictionId: z.string(),
    medianHandlingMinutes: z.number().nullable(),
    handled: z.number().int(),
  })
  .openapi('DistrictHandling');

/** The load and SLA figures of one node of a workflow version. */
export const nodeHeatSchema = z
  .object({
    active: z.number().int().openapi({ description: 'Open tasks (open or claimed)' }),
    atRisk: z.number().int(),
    overdue: z.number().int(),
    completed: z.number().int().openapi({ description: 'Decided tasks' }),
    avgDurationMinutes: z.number().nullable().openapi({
      description: 'Mean working minutes from creation to decision of the decided tasks, rounded; null when none',
    }),
  })
  .openapi('NodeHeat');

/** The tasks in scope on one local day. */
export const seriesDaySchema = z
  .object({
    date: z.string().openapi({ example: '2026-03-02' }),
    created: z.number().int(),
    completed: z.number().int().openapi({ description: 'Tasks decided that day' }),
    openAtEnd: z.number().int().openapi({ description: 'Tasks open at the end of the day' }),
    met: z.number().int().openapi({ description: 'Tasks closed that day within their statutory limit' }),
    breached: z.number().int().openapi({ description: 'Tasks closed that day after it' }),
  })
  .openapi('SeriesDay');

/** `GET /monitor/heat`: the workflow version. */
export const heatQuerySchema = z.object({
  definitionKey: workflowKeyParamSchema,
  // Stated in full: zod-to-openapi describes a coerced number loosely.
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .openapi({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 1 }),
});

/** First and last year a series bound may name: beyond them the date arithmetic leaves four-digit years. */
const MIN_SERIES_YEAR = 1900;
const MAX_SERIES_YEAR = 2999;

const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')
  .refine((text) => dayNumberOfDate(text) !== undefined, 'The date does not exist')
  .refine((text) => {
    const year = Number(text.slice(0, 4));
    return year >= MIN_SERIES_YEAR && year <= MAX_SERIES_YEAR;
  }, `The year must lie in ${MIN_SERIES_YEAR}–${MAX_SERIES_YEAR}`);

/** `GET /monitor/series`: the days, both included, at most {@link MAX_SERIES_DAYS}. */
export const seriesQuerySchema = z
  .object({
    from: localDateSchema.optional().openapi({ description: 'First day; default 29 days before `to`', example: '2026-03-01' }),
    to: localDateSchema
      .optional()
      .openapi({ description: `Last day; default today on the runtime clock; the range covers at most ${MAX_SERIES_DAYS} days`, example: '2026-03-30' }),
  })
  .superRefine((query, context) => {
    if (query.from === undefined || query.to === undefined) return;
    const problem = seriesRangeProblem(query.from, query.to);
    if (problem) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
