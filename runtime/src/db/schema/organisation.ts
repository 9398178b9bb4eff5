import type { InferSelectModel } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Levels of government: the city, its districts, their sub-districts (街道). */
export const levels = ['city', 'district', 'subDistrict'] as const;

/** A level of government, as a tree: the city at the root. */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: levels }).notNull(),
    parentId: text('parent_id'),
    /**
     * Key of the business calendar cases filed here are counted on; null: the parent's (and at the
     * root, the definition's `calendar`).
     */
    calendarKey: text('calendar_key'),
  },
  (t) => [index('jurisdictions_parent_idx').on(t.parentId)],
);
export type Jurisdiction = InferSelectModel<typeof jurisdictions>;

/** An office of one jurisdiction; `kind` is what userTasks name, e.g. `market-regulation`. */
export const departments = pgTable(
  'departments',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('departments_jurisdiction_kind_idx').on(t.jurisdictionId, t.kind)],
);
export type Department = InferSelectModel<typeof departments>;

/** Roles a user can hold. */
export const roles = ['clerk', 'manager', 'designer', 'admin', 'supervisor'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** `scrypt$N$r$p$salt$hash`, base64 parts. */
  passwordHash: text('password_hash').notNull(),
  departmentId: text('department_id')
    .notNull()
    .references(() => departments.id),
  roles: text('roles').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type User = InferSelectModel<typeof users>;

/** Bearer tokens: only a SHA-256 of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
export type Session = InferSelectModel<typeof sessions>;
