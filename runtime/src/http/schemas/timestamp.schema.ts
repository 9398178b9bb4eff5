import { z } from '@hono/zod-openapi';

/** An instant, sent as an ISO 8601 string in UTC (`2026-03-02T01:00:00.000Z`). */
export const timestampSchema = z.date().openapi({ type: 'string', format: 'date-time', example: '2026-03-02T01:00:00.000Z' });

/** An instant or null. */
export const nullableTimestampSchema = timestampSchema.nullable();
