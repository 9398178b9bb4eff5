import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { getCalendar, workingMinutesBetween } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, tasks } from '../../src/db/schema/index.ts';
import { publishDefinition } from '../../src/definitions/index.ts';
import { buildCalendarBook } from '../../src/calendars/calendar-book.ts';
import { aggregateHandledTasks } from '../../src/monitor/handled-tasks.ts';
import { createTestDatabase, type TestDatabase } from '../support/index.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'parallel-permit.json');
const calendar = getCalendar('cn-mainland');
const book = buildCalendarBook([], []);
const shanghai = (local: string) => new Date(`${local}+08:00`);

/** Spans whose working time is known by hand (cn-mainland: 09:00–12:00 and 13:00–17:00). */
const KNOWN: [from: string, to: string, minutes: number][] = [
  ['2026-03-02T09:30:00', '2026-03-02T11:00:00', 90],
  ['2026-03-02T11:30:00', '2026-03-02T13:30:00', 60],
  ['2026-03-02T16:00:00', '2026-03-03T10:00:00', 120],
  // Friday afternoon to Monday morning: the weekend does not count.
  ['2026-03-06T16:00:00', '2026-03-09T09:30:00', 90],
  ['2026-03-02T07:00:00', '2026-03-02T08:30:00', 0],
  ['2026-03-08T10:00:00', '2026-03-09T10:00:00', 60],
  ['2026-03-02T09:00:30', '2026-03-02T09:01:00', 0.5],
  // Spring Festival 2026: Saturday 14 February is a make-up working day, 15–23 February are off.
  ['2026-02-13T16:00:00', '2026-02-24T10:00:00', 60 + 420 + 60],
];

/** Spans the engine alone decides: a year boundary into a year without a loaded notice, National Day. */
const MORE: [from: string, to: string][] = [
  ['2026-12-31T16:00:00', '2027-01-04T10:00:00'],
  ['2026-09-30T12:30:00', '2026-10-12T15:45:10'],
  ['2026-01-01T00:00:00', '2026-03-01T23:59:59'],
];

/** A seeded stream of numbers in [0, 1): the same spans on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

let database: TestDatabase;
const spans: { id: string; from: Date; to: Date }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const published = await publishDefinition(database.db, JSON.parse(await readFile(FIXTURE, 'utf8')), {
    publishedBy: null,
    now: shanghai('2026-01-01T09:00:00'),
  });
  const random = seeded(20_260_302);
  const start = shanghai('2026-01-01T00:00:00').getTime();
  for (const [from, to] of [...KNOWN, ...MORE]) spans.push({ id: `t${spans.length}`, from: shanghai(from), to: shanghai(to) });
  for (let i = 0; i < 120; i += 1) {
    const from = start + Math.floor(random() * 400 * 86_400_000);
    spans.push({ id: `t${spans.length}`, from: new Date(from), to: new Date(from + Math.floor(random() * 45 * 86_400_000)) });
  }
  await database.db.insert(cases).values({
    id: 'c1',
    caseNumber: 'SH-2026-000001',
    definitionKey: published.key,
    definitionVersion: published.version,
    jurisdictionId: 'sh-huangpu-nanjing-east',
    calendarKey: 'cn-mainland',
    applicant: {},
    data: {},
    status: 'active',
    snapshot: {},
    createdAt: shanghai('2026-01-01T09:00:00'),
    updatedAt: shanghai('2026-01-01T09:00:00'),
  });
  await database.db.insert(tasks).values(
    spans.map((span) => ({
      id: span.id,
      caseId: 'c1',
      activationId: span.id,
      nodeId: span.id,
      name: span.id,
      departmentId: 'sh-huangpu-market-regulation',
      candidateRole: 'clerk',
      status: 'completed' as const,
      createdAt: span.from,
      completedAt: span.to,
    })),
  );
});

afterAll(async () => {
  await database?.close();
});

const counted = async () => {
  const rows = await aggregateHandledTasks<{ node_id: string; minutes: number }>(
    database.db,
    book,
    eq(tasks.caseId, 'c1'),
    sql`select node_id, minutes from handled`,
  );
  return new Map(rows.map((row) => [row.node_id, row.minutes]));
};

describe('working minutes counted in PostgreSQL', () => {
  it('match the spans known by hand', async () => {
    const minutes = await counted();
    KNOWN.forEach(([from, to, expected], index) => {
      expect(minutes.get(`t${index}`), `${from} → ${to}`).toBeCloseTo(expected, 6);
    });
  });

  it('match the engine’s workingMinutesBetween on every span, holidays, make-up days and year ends included', async () => {
    const minutes = await counted();
    expect(minutes.size).toBe(spans.length);
    for (const span of spans) {
      const expected = workingMinutesBetween(calendar, span.from, span.to).minutes;
      expect(minutes.get(span.id), `${span.from.toISOString()} → ${span.to.toISOString()}`).toBeCloseTo(expected, 6);
    }
  });

  it('leave out tasks not decided', async () => {
    await database.db.update(tasks).set({ status: 'closed' }).where(eq(tasks.id, 't0'));
    expect((await counted()).has('t0')).toBe(false);
    await database.db.update(tasks).set({ status: 'completed' }).where(eq(tasks.id, 't0'));
  });

  it('answer no rows when nothing matches', async () => {
    const rows = await aggregateHandledTasks(database.db, book, eq(tasks.caseId, 'no-such-case'), sql`select count(*) from handled`);
    expect(rows).toEqual([]);
  });
});
