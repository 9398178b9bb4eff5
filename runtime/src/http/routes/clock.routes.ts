import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { COUNTABLE_RANGE, slaUnitSchema } from '@tongban/engine';
import type { MiddlewareHandler } from 'hono';
import { timerKinds } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { BODY_ERRORS, errorBodySchema, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';
import { nullableTimestampSchema, timestampSchema } from '../schemas/timestamp.schema.ts';

/** Options of {@link clockRoutes}. */
export interface ClockRoutesOptions {
  runtime: Pick<Runtime, 'clock' | 'advanceClock'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

/** `POST /clock/advance`: to an instant, or by a duration. */
export const advanceBodySchema = z
  .strictObject({
    to: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({
        description: `An instant with its offset, not before the clock, inside the countable range (${COUNTABLE_RANGE.from} to ${COUNTABLE_RANGE.to})`,
        example: '2026-03-09T09:00:00+08:00',
      }),
    by: z
      .strictObject({ amount: z.number().positive().max(100_000), unit: slaUnitSchema })
      .optional()
      .openapi({
        description: 'Working units are counted on the cn-mainland calendar, working days whole; the clock must land inside the countable range',
        example: { amount: 3, unit: 'workingDay' },
      }),
  })
  .refine((body) => (body.to === undefined) !== (body.by === undefined), { message: "Give exactly one of 'to' and 'by'" })
  .openapi('ClockAdvanceRequest');

/** Roles that may move the virtual clock: it moves every case's time limits, in every jurisdiction. */
export const CLOCK_ROLES = ['admin'] as const;

const firedTimerSchema = z
  .object({
    id: z.string(),
    kind: z.enum(timerKinds),
    caseId: z.string(),
    taskId: z.string().nullable(),
    dueAt: nullableTimestampSchema,
  })
  .openapi('FiredTimer');

/**
 * `GET /clock` (the runtime's instant and whether it is virtual: any signed-in user) and
 * `POST /clock/advance` (admins only: it fires every timer of every case that comes due), which
 * exists only on a virtual clock (`tongban start --virtual-clock`): elsewhere it answers 404
 * `clock-not-virtual`.
 */
export function clockRoutes({ runtime, access, maxBodyBytes }: ClockRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const requireVirtualClock: MiddlewareHandler<HttpEnv> = async function requireVirtualClock(c, next) {
    if (!runtime.clock.virtual) {
      throw new NotFoundError('clock-not-virtual', `The clock is the system clock; ${c.req.method} ${c.req.path} needs --virtual-clock`);
    }
    await next();
  };

  const read = createRoute({
    method: 'get',
    path: '/clock',
    tags: ['clock'],
    summary: 'The runtime’s current instant, and whether its clock is virtual',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'The clock',
        content: { 'application/json': { schema: z.object({ now: timestampSchema, virtual: z.boolean() }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(read, (c) => c.json({ now: runtime.clock.now(), virtual: runtime.clock.virtual }, 200));

  const advance = createRoute({
    method: 'post',
    path: '/clock/advance',
    tags: ['clock'],
    summary: 'Move the virtual clock and fire every timer that comes due on the way (admin)',
    description:
      'Only a user with the role `admin` may move the clock: it moves the time limits of every case in every jurisdiction. Any other signed-in user gets 403 `role-required`. ' +
      `The clock moves only inside the range the business calendars count (the engine's \`COUNTABLE_RANGE\`: ${COUNTABLE_RANGE.from} to ${COUNTABLE_RANGE.to}), ` +
      'where every deadline a definition can set is counted: a target outside it answers 400 `invalid-clock-target` naming `to` or `by` ' +
      '(`details.reason` `outside-countable-range`, `details.range`), and the clock stays where it was.',
    security: USER_SECURITY,
    middleware: [access.user(CLOCK_ROLES), requireVirtualClock, jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: advanceBodySchema } } } },
    responses: {
      200: {
        description: 'The new instant and the timers that fired, in due order',
        content: { 'application/json': { schema: z.object({ now: timestampSchema, fired: z.array(firedTimerSchema) }) } },
      },
      ...errorResponses(...BODY_ERRORS, 401, 404),
      403: {
        description: '`role-required`: the caller is not an admin (an API key: `api-key-not-allowed`)',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  });
  app.openapi(advance, async (c) => {
    const { to, by } = c.req.valid('json');
    const moved = await runtime.advanceClock(to !== undefined ? { to } : { by: by as NonNullable<typeof by> });
    return c.json(moved, 200);
  });

  return app;
}
