import type { InferSelectModel } from 'drizzle-orm';
import { integer, json, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Published workflow definition versions; a row never changes once written. */
export const workflowDefinitions = pgTable(
  'workflow_definitions',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /**
     * As the designer wrote it: `json`, not `jsonb`, so the order of keys (the application form's
     * fields in `dataSchema.properties`) is kept.
     */
    definition: json('definition').$type<Record<string, unknown>>().notNull(),
    machine: jsonb('machine').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by'),
    /** What the designer said changed in this version. */
    changeNote: text('change_note'),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);
export type WorkflowDefinitionRow = InferSelectModel<typeof workflowDefinitions>;
