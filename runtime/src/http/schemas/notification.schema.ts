import { z } from '@hono/zod-openapi';
import { nullableTimestampSchema, timestampSchema } from './timestamp.schema.ts';

/** One notification in its user's 消息. */
export const userNotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().openapi({ description: '`urge`, `copy`, `escalation`, `extensionApproved`, `extensionRefused`', example: 'urge' }),
    message: z.string(),
    caseId: z.string().nullable(),
    caseNumber: z.string().nullable().openapi({ description: 'The number a person reads of that case', example: 'SH-2026-000123' }),
    taskId: z.string().nullable(),
    taskName: z.string().nullable(),
    definitionKey: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: timestampSchema,
    readAt: nullableTimestampSchema,
    read: z.boolean(),
  })
  .openapi('UserNotification');

/** `GET /me/notifications`. */
export const userNotificationPageSchema = z
  .object({ items: z.array(userNotificationSchema), total: z.number().int(), unread: z.number().int().openapi({ description: 'Unread notifications of the caller, of every page' }) })
  .openapi('UserNotificationPage');
