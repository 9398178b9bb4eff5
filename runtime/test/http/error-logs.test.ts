import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema/index.ts';
import { errorHandler } from '../../src/http/middleware/error-handler.ts';
import type { LoggableError } from '../../src/http/middleware/loggable-error.ts';
import { createTestDatabase, type TestDatabase } from '../support/index.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const NAME = '王小明';
const PHONE = '13912345678';

async function logOf(query: () => Promise<unknown>): Promise<{ response: Response; logged: string }> {
  const logged: unknown[] = [];
  const app = new Hono();
  app.onError(errorHandler({ logger: { error: (message, context) => logged.push({ message, context }) } }));
  app.get('/', async () => {
    await query();
    return new Response('unreachable');
  });
  const response = await app.request('/');
  expect(logged).toHaveLength(1);
  return { response, logged: JSON.stringify(logged) };
}

describe('the log of a 500 from a failed query', () => {
  it('keeps the SQL text with its placeholders, describes each parameter by position, type and length, and logs no value', async () => {
    const { response, logged } = await logOf(() =>
      database.db.insert(cases).values({
        id: 'c-log',
        caseNumber: 'SH-2026-000001',
        definitionKey: 'http-permit',
        definitionVersion: 1,
        jurisdictionId: 'sh-nowhere',
        calendarKey: 'cn-mainland',
        applicant: { name: NAME, phone: PHONE },
        data: {},
        status: 'active',
        snapshot: {},
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    expect(response.status).toBe(500);
    const { reference } = ((await response.json()) as { error: { details: { reference: string } } }).error.details;
    expect(logged).toContain(reference);
    const { error } = (JSON.parse(logged) as { context: { error: LoggableError } }[])[0]!.context;
    expect(error).toMatchObject({ class: 'DrizzleQueryError', message: 'Failed query' });
    expect(error.query?.sql).toMatch(/^insert into "cases" \(.*\) values \(\$1, \$2, \$3, /);
    expect(error.query?.parameters[0]).toEqual({ position: 1, type: 'string', length: 'c-log'.length });
    expect(error.query?.parameters).toContainEqual({ position: 7, type: 'string', length: JSON.stringify({ name: NAME, phone: PHONE }).length });
    expect(error.cause).toMatchObject({
      class: 'PostgresError',
      code: '23503',
      postgres: { code: '23503', severity: 'ERROR', table: 'cases', constraint: expect.stringContaining('jurisdiction'), routine: 'ri_ReportViolation' },
    });
    expect(error.cause?.message).toContain('PostgreSQL 23503 (integrity constraint violation) on table cases');
    expect(error.cause?.query).toBeUndefined();
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain('sh-nowhere');
    expect(logged).not.toContain('params:');
  });

  it('leaves out the message in which PostgreSQL quotes a value back, without searching it for the value', async () => {
    const { logged } = await logOf(() => database.db.execute(sql`select ${PHONE + NAME}::int`));
    const { error } = (JSON.parse(logged) as { context: { error: LoggableError } }[])[0]!.context;
    expect(error.query).toEqual({ sql: 'select $1::int', parameters: [{ position: 1, type: 'string', length: (PHONE + NAME).length }] });
    expect(error.cause?.postgres).toMatchObject({ code: expect.stringMatching(/^22/), severity: 'ERROR' });
    expect(error.cause?.message).toMatch(/^PostgreSQL 22\w{3} \(data exception\)/);
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain(PHONE);
  });

  it('leaves out the detail of a unique violation, which quotes the key', async () => {
    const { logged } = await logOf(() =>
      database.sql`insert into jurisdictions (id, name, level, parent_id) values (${'sh'}, ${NAME}, ${'city'}, ${null})`,
    );
    const { error } = (JSON.parse(logged) as { context: { error: LoggableError } }[])[0]!.context;
    expect(error).toMatchObject({ class: 'PostgresError', code: '23505', postgres: { table: 'jurisdictions', constraint: 'jurisdictions_pkey' } });
    expect(error.query?.sql).toBe('insert into jurisdictions (id, name, level, parent_id) values ($1, $2, $3, $4)');
    expect(error.query?.parameters.map((p) => p.position)).toEqual([1, 2, 3, 4]);
    expect(logged).not.toContain('Key (id)');
    expect(logged).not.toContain(NAME);
  });

  it('keeps a parameter that equals a word of the SQL text from blanking that word', async () => {
    const { logged } = await logOf(() => database.db.execute(sql`select ${'select'}::int`));
    const { error } = (JSON.parse(logged) as { context: { error: LoggableError } }[])[0]!.context;
    expect(error.query?.sql).toBe('select $1::int');
  });
});
