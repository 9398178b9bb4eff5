import { z } from '@hono/zod-openapi';

/** Ids of records and keys of the organisation: kebab-case or ULID-like, at most 100 characters. */
export const idParamSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'An id holds only letters, digits, "-", "_", "." and ":"');

/** A list page: `limit` (1–200, default 50) items from `offset` (default 0). */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  // Stated in full: zod-to-openapi would describe a coerced number with minimum 0 as nullable.
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .openapi({ type: 'integer', minimum: 0, maximum: 1_000_000, default: 0, example: 0 }),
});
