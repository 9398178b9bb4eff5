import { z } from '@hono/zod-openapi';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').openapi({ example: '2027-01-01' });
const timeOfDay = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:mm from 00:00 to 24:00');

const workingPeriodSchema = z.strictObject({ start: timeOfDay.openapi({ example: '09:00' }), end: timeOfDay.openapi({ example: '12:00' }) }).openapi('WorkingPeriod');

const adjustmentSchema = z
  .strictObject({
    date: localDate,
    working: z.boolean().openapi({ description: '`true`: a working day; `false`: a day off' }),
    reason: z.string().trim().min(1).max(500).openapi({ example: '区政府通知（示例）' }),
  })
  .openapi('CalendarAdjustment');

/** One year's holiday notice, as the State Council publishes it (PUT /calendars/{key}/notices/{year}). */
export const noticeBodySchema = z
  .strictObject({
    year: z.number().int().min(1900).max(2200).openapi({ example: 2027 }),
    source: z.strictObject({
      title: z.string().trim().min(1).max(500).openapi({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
      documentNumber: z.string().trim().min(1).max(100).openapi({ example: '国办发明电〔2026〕X号' }),
      issued: localDate,
      url: z.url().max(2_000),
    }),
    holidays: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(50).openapi({ example: '元旦' }),
          daysOff: z.strictObject({ from: localDate, to: localDate }),
          makeUpWorkdays: z.array(localDate).max(10).default([]),
        }),
      )
      .max(20),
  })
  .openapi('CalendarNotice');

/** An override of a base calendar: a jurisdiction's own days off, working days and working hours. */
const overrideBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: '示例区工作日历' }),
    base: z.string().min(1).max(100).openapi({ example: 'cn-mainland' }),
    workingHours: z.array(workingPeriodSchema).min(1).max(6).optional(),
    adjustments: z.array(adjustmentSchema).max(366).default([]),
  })
  .openapi('CalendarOverride');

/** A whole calendar, for a time zone or holiday system of its own. */
const wholeBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    timeZone: z.string().min(1).max(100).openapi({ example: 'Asia/Shanghai' }),
    workingHours: z.array(workingPeriodSchema).min(1).max(6),
    years: z.array(noticeBodySchema).max(50),
    adjustments: z.array(adjustmentSchema).max(366).default([]),
  })
  .openapi('WholeCalendar');

/** PUT /calendars/{key}: an override (with `base`) or a whole calendar (with `timeZone`). */
export const calendarBodySchema = z.union([overrideBodySchema, wholeBodySchema]).openapi('CalendarInput');

/** PUT /jurisdictions/{id}/calendar. */
export const jurisdictionCalendarBodySchema = z
  .strictObject({
    calendar: z.string().min(1).max(100).nullable().openapi({ example: 'cn-mainland', description: "null: count on the parent's calendar" }),
  })
  .openapi('JurisdictionCalendar');

export const calendarSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    origin: z.enum(['builtIn', 'stored', 'override']),
    base: z.string().nullable(),
    version: z.number().int().nullable(),
    timeZone: z.string(),
    workingHours: z.array(workingPeriodSchema),
    years: z.array(
      z.object({
        year: z.number().int(),
        source: z.object({ title: z.string(), documentNumber: z.string(), issued: z.string(), url: z.string() }),
        holidays: z.array(z.object({ name: z.string(), daysOff: z.object({ from: z.string(), to: z.string() }), makeUpWorkdays: z.array(z.string()) })),
        loadedAtRunTime: z.boolean(),
      }),
    ),
    adjustments: z.array(z.object({ date: z.string(), working: z.boolean(), reason: z.string() })),
    jurisdictions: z.array(z.string()).openapi({ description: 'Jurisdictions that name this calendar (their sub-jurisdictions count on it unless they name another)' }),
  })
  .openapi('Calendar');

export const recountSchema = z
  .object({
    cases: z.number().int().openapi({ description: 'Open cases with live deadlines on the calendars changed' }),
    changedCases: z.number().int(),
    timers: z.number().int().openapi({ description: 'Timers whose deadline, minutes left or provisional flag changed' }),
  })
  .openapi('Recount');
