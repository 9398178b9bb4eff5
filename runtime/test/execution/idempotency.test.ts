import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('parallel-permit');
});

afterAll(async () => {
  await h?.close();
});

const application = (idempotencyKey: string) => ({
  definitionKey: 'parallel-permit',
  jurisdiction: 'sh-huangpu',
  applicant: { name: '李四' },
  data: { businessName: '外滩咖啡' },
  idempotencyKey,
  actor: PORTAL,
});

async function countCases(key: string): Promise<{ cases: number; tasks: number }> {
  const [row] = await h.database.sql`
    select count(distinct c.id)::int as cases, count(t.id)::int as tasks
    from cases c left join tasks t on t.case_id = c.id where c.idempotency_key = ${key}`;
  return { cases: row?.cases ?? 0, tasks: row?.tasks ?? 0 };
}

describe('createCase with an idempotency key', () => {
  it('returns the same case when the same key comes again', async () => {
    const first = await h.runtime.createCase(application('key-sequential'));
    const again = await h.runtime.createCase(application('key-sequential'));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, case: { id: first.case.id } });
    expect(await countCases('key-sequential')).toEqual({ cases: 1, tasks: 1 });
  });

  it('creates one case when duplicates arrive at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => h.runtime.createCase(application('key-concurrent'))));
    expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countCases('key-concurrent')).toEqual({ cases: 1, tasks: 1 });
  });

  it('creates separate cases for different keys and for requests without a key', async () => {
    const a = await h.runtime.createCase(application('key-a'));
    const b = await h.runtime.createCase(application('key-b'));
    const { idempotencyKey: _omitted, ...withoutKey } = application('unused');
    const c = await h.runtime.createCase(withoutKey);
    const d = await h.runtime.createCase(withoutKey);
    expect(new Set([a.case.id, b.case.id, c.case.id, d.case.id]).size).toBe(4);
  });
});
