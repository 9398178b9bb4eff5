import { z } from 'zod';

/**
 * Units a time limit can be counted in.
 *
 * - `workingDay`, `workingHour`: counted on the workflow's business calendar (行政许可法 art. 82:
 *   licensing periods are working days, statutory holidays excluded).
 * - `calendarDay`, `hour`: elapsed time, holidays included.
 */
export const slaUnitSchema = z.enum(['workingDay', 'workingHour', 'calendarDay', 'hour']);
export type SlaUnit = z.infer<typeof slaUnitSchema>;

/** A time limit: `{ amount, unit }`, e.g. `{ amount: 20, unit: 'workingDay' }`. */
export const durationSchema = z.object({
  amount: z.number().positive(),
  unit: slaUnitSchema,
});
export type Duration = z.infer<typeof durationSchema>;

/**
 * The limits of one userTask.
 *
 * - `promised` (承诺时限): passing it marks the task `atRisk` (a warning).
 * - `statutory` (法定时限): passing it marks the task `overdue` and escalates it.
 *
 * At least one of the two is set.
 */
export const taskSlaSchema = z
  .object({
    promised: durationSchema.optional(),
    statutory: durationSchema.optional(),
  })
  .refine((sla) => sla.promised !== undefined || sla.statutory !== undefined, {
    message: 'An SLA needs a promised limit, a statutory limit, or both',
  });
export type TaskSla = z.infer<typeof taskSlaSchema>;
