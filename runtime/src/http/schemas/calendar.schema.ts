import { z } from '@hono/zod-openapi';

const localDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').openapi({ example: '2027-01-01' });
const timeOfDay = z.string().max(5).regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:mm from 00:00 to 24:00');

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
      url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address of the published notice' }).max(2_000),
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

/**
 * PUT /calendars/{key}: an override of a base calendar (with `base`: a jurisdiction's own days off,
 * working days and working hours) or a whole calendar (with `timeZone`, `workingHours` and `years`:
 * a time zone or holiday system of its own). One object, so that a missing or stray field is named.
 */
export const calendarBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: '示例区工作日历' }),
    base: z.string().min(1).max(100).optional().openapi({ example: 'cn-mainland', description: 'An override: the calendar it adjusts' }),
    timeZone: z.string().min(1).max(100).optional().openapi({ example: 'Asia/Shanghai', description: 'A whole calendar: its IANA time zone' }),
    workingHours: z.array(workingPeriodSchema).min(1).max(6).optional().openapi({ description: 'Required for a whole calendar; an override keeps its base’s when absent' }),
    years: z.array(noticeBodySchema).max(50).optional().openapi({ description: 'A whole calendar: its holiday notices' }),
    adjustments: z.array(adjustmentSchema).max(366).default([]),
  })
  .superRefine((body, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (body.base !== undefined) {
      if (body.timeZone !== undefined) issue('timeZone', 'an override (with base) keeps its base’s time zone; leave timeZone out');
      if (body.years !== undefined) issue('years', 'an override (with base) counts on its base’s notices; load notices into the base');
      return;
    }
    if (body.timeZone === undefined) issue('timeZone', 'is required for a whole calendar (or name a base to define an override)');
    if (body.workingHours === undefined) issue('workingHours', 'is required for a whole calendar');
    if (body.years === undefined) issue('years', 'is required for a whole calendar (an empty list counts every year weekends-only)');
  })
  .openapi('CalendarInput');

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
