import { z } from '@hono/zod-openapi';

const departmentId = z.string().min(1).max(200);
const instant = z.string().openapi({ format: 'date-time', example: '2026-03-02T01:00:00.000Z' });

/** A change to the departments the forecast is run under as well. */
export const whatIfSchema = z
  .strictObject({
    clerks: z
      .record(departmentId, z.number().int().min(-100).max(100))
      .refine((clerks) => Object.keys(clerks).length <= 200, 'At most 200 departments')
      .optional()
      .openapi({
        maxProperties: 200,
        description: 'Clerks added (positive) or removed (negative) per department id: a department of the caller’s jurisdiction (403 `department-out-of-scope` otherwise)',
        example: { 'sh-huangpu-market-regulation': 2 },
      }),
    closures: z
      .array(z.strictObject({ departmentId, day: z.number().int().min(1).max(60).openapi({ description: 'Working day of the horizon, 1 the first' }) }))
      .max(200)
      .optional()
      .openapi({ description: 'Departments of the caller’s jurisdiction closed for one working day of the horizon (403 `department-out-of-scope` for another)' }),
  })
  .openapi('ForecastWhatIf');

/** `POST /monitor/forecast`: what to forecast. */
export const forecastRequestSchema = z
  .strictObject({
    horizonDays: z.number().int().min(1).max(60).default(10).openapi({ description: 'Working days run forward, on the business calendar' }),
    runs: z.number().int().min(1).max(2000).default(200).openapi({ description: 'Monte Carlo runs' }),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1).openapi({ description: 'Seed of every draw: the same seed on the same state gives the same answer' }),
    historyDays: z.number().int().min(5).max(120).optional().openapi({ description: 'Working days of decisions each department is measured over (default 20)' }),
    whatIf: whatIfSchema.optional(),
  })
  .openapi('ForecastRequest');

const departmentSchema = z
  .object({
    departmentId: z.string(),
    name: z.string(),
    expectedBreaches: z.number(),
    expectedBreachesOfOpenTasks: z.number(),
    expectedDecisions: z.number(),
    clerks: z.number().int(),
    tasksPerClerkPerDay: z.number(),
    source: z.enum(['history', 'profile']).openapi({ description: '`profile` when fewer than 20 decisions were recorded: the simulation profile stands in' }),
    decisions: z.number().int(),
    inScope: z.boolean().openapi({ description: 'A department of the caller’s jurisdiction, which a what-if may change; false for one of a higher level that handles some of the cases (403 `department-out-of-scope` in a what-if)' }),
    whatIf: z.object({ expectedBreaches: z.number(), expectedDecisions: z.number(), clerks: z.number().int() }).optional(),
  })
  .openapi('ForecastDepartment');

const taskSchema = z
  .object({
    taskId: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    nodeId: z.string(),
    name: z.string(),
    departmentId: z.string(),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    breachProbability: z.number(),
    whatIfBreachProbability: z.number().optional(),
  })
  .openapi('ForecastTask');

/** `POST /monitor/forecast`: the answer. */
export const forecastAnswerSchema = z
  .object({
    seed: z.number().int(),
    runs: z.number().int(),
    horizonDays: z.number().int(),
    asOf: instant,
    horizonEnd: z.string().openapi({ description: 'Last working day of the horizon, YYYY-MM-DD' }),
    openCases: z.number().int(),
    expectedBreaches: z.number(),
    whatIfExpectedBreaches: z.number().optional(),
    whatIf: whatIfSchema.optional(),
    departments: z.array(departmentSchema),
    tasks: z.array(taskSchema),
    profileDepartments: z.array(z.string()),
    note: z.string(),
    engineSteps: z.number().int(),
    elapsedMs: z.number().int(),
  })
  .openapi('ForecastAnswer');
