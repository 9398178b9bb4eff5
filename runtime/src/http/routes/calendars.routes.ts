import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { CalendarInput } from '../../calendars/calendars.service.ts';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { calendarBodySchema, calendarSchema, jurisdictionCalendarBodySchema, noticeBodySchema, recountSchema } from '../schemas/calendar.schema.ts';
import { idParamSchema } from '../schemas/common.schema.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link calendarsRoutes}. */
export interface CalendarsRoutesOptions {
  runtime: Pick<Runtime, 'listCalendars' | 'getCalendar' | 'putCalendar' | 'putCalendarNotice' | 'setJurisdictionCalendar'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const CALENDAR_ADMINS = ['admin'] as const;
const keyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. cn-mainland')
    .max(100)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'cn-mainland' }),
});
const noticeParams = keyParam.extend({
  year: z.coerce.number().int().min(1900).max(2200).openapi({ param: { name: 'year', in: 'path' }, type: 'integer', example: 2027 }),
});
const changedSchema = z.object({ calendar: calendarSchema, recount: recountSchema }).openapi('CalendarChanged');

/**
 * Business calendars per jurisdiction: `GET /calendars`, `GET /calendars/{key}` (any signed-in
 * user); `PUT /calendars/{key}` (an override or a whole calendar), `PUT
 * /calendars/{key}/notices/{year}` (a year's holiday notice) and `PUT /jurisdictions/{id}/calendar`
 * (admins). A change recounts the live deadlines counted on the calendars it changes.
 */
export function calendarsRoutes({ runtime, access, maxBodyBytes }: CalendarsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const list = createRoute({
    method: 'get',
    path: '/calendars',
    tags: ['calendars'],
    summary: 'Every business calendar: built-in, stored, overrides',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: { description: 'Calendars by key', content: { 'application/json': { schema: z.object({ items: z.array(calendarSchema) }) } } },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(list, async (c) => c.json({ items: await runtime.listCalendars() }, 200));

  const get = createRoute({
    method: 'get',
    path: '/calendars/{key}',
    tags: ['calendars'],
    summary: 'One calendar: time zone, working hours, notices by year, adjustments',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: keyParam },
    responses: {
      200: { description: 'The calendar', content: { 'application/json': { schema: calendarSchema } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(get, async (c) => c.json(await runtime.getCalendar(c.req.valid('param').key), 200));

  const put = createRoute({
    method: 'put',
    path: '/calendars/{key}',
    tags: ['calendars'],
    summary: "Define a jurisdiction's calendar: an override of a base calendar, or a whole calendar",
    description: 'Replaces a stored calendar of that key (not a built-in one); the live deadlines of cases counted on it are recounted.',
    security: USER_SECURITY,
    middleware: [access.user(CALENDAR_ADMINS), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: keyParam, body: { required: true, content: { 'application/json': { schema: calendarBodySchema } } } },
    responses: {
      200: { description: 'The calendar and what the recount changed', content: { 'application/json': { schema: changedSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 409),
    },
  });
  app.openapi(put, async (c) => c.json(await runtime.putCalendar(c.req.valid('param').key, calendarInputOf(c.req.valid('json')), c.get('viewer')), 200));

  const putNotice = createRoute({
    method: 'put',
    path: '/calendars/{key}/notices/{year}',
    tags: ['calendars'],
    summary: "Load a year's holiday notice into a calendar: provisional due dates of that year become firm",
    description: 'Replaces a notice of that year. The live deadlines of cases counted on the calendar and its overrides are recounted.',
    security: USER_SECURITY,
    middleware: [access.user(CALENDAR_ADMINS), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: noticeParams, body: { required: true, content: { 'application/json': { schema: noticeBodySchema } } } },
    responses: {
      200: { description: 'The calendar and what the recount changed', content: { 'application/json': { schema: changedSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409),
    },
  });
  app.openapi(putNotice, async (c) => {
    const { key, year } = c.req.valid('param');
    return c.json(await runtime.putCalendarNotice(key, year, c.req.valid('json'), c.get('viewer')), 200);
  });

  const setJurisdiction = createRoute({
    method: 'put',
    path: '/jurisdictions/{id}/calendar',
    tags: ['calendars'],
    summary: "Name the calendar a jurisdiction's new cases are counted on (null: its parent's)",
    description: 'Cases already filed keep the calendar they were filed on.',
    security: USER_SECURITY,
    middleware: [access.user(CALENDAR_ADMINS), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: {
      params: z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) }),
      body: { required: true, content: { 'application/json': { schema: jurisdictionCalendarBodySchema } } },
    },
    responses: {
      200: {
        description: 'The jurisdiction',
        content: { 'application/json': { schema: z.object({ id: z.string(), name: z.string(), calendarKey: z.string().nullable() }).openapi('JurisdictionCalendarSet') } },
      },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404),
    },
  });
  app.openapi(setJurisdiction, async (c) => {
    const row = await runtime.setJurisdictionCalendar(c.req.valid('param').id, c.req.valid('json').calendar);
    return c.json({ id: row.id, name: row.name, calendarKey: row.calendarKey }, 200);
  });

  return app;
}

/** The service's input of a body `calendarBodySchema` accepted (its refinement says which shape it has). */
function calendarInputOf(body: z.output<typeof calendarBodySchema>): CalendarInput {
  const { name, base, timeZone, workingHours, years, adjustments } = body;
  if (base !== undefined) return { name, base, adjustments, ...(workingHours ? { workingHours } : {}) };
  return { name, timeZone: timeZone as string, workingHours: workingHours ?? [], years: years ?? [], adjustments };
}
