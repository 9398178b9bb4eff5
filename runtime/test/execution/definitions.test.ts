import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefinitionInvalidError } from '../../src/errors/index.ts';
import { startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;
let permit: Record<string, unknown>;

beforeAll(async () => {
  h = await startExecution();
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'parallel-permit.json');
  permit = JSON.parse(await readFile(file, 'utf8'));
});

afterAll(async () => {
  await h?.close();
});

describe('the definitions service', () => {
  it('publishes each new version under the next number and keeps the old ones unchanged', async () => {
    const first = await h.runtime.publishDefinition(permit, { publishedBy: null });
    const second = await h.runtime.publishDefinition({ ...permit, version: 7, name: '并联审批测试流程（二）' }, { publishedBy: null });
    expect([first.version, second.version]).toEqual([1, 2]);
    const old = await h.runtime.getDefinitionVersion('parallel-permit', 1);
    expect(old.name).toBe('并联审批测试流程');
    expect(old.definition.version).toBe(1);
    const latest = await h.runtime.getDefinitionVersion('parallel-permit', 'latest');
    expect(latest).toMatchObject({ version: 2, name: '并联审批测试流程（二）' });
    expect(latest.machine).toMatchObject({ id: expect.any(String), states: expect.any(Object) });
    const list = await h.runtime.listDefinitions();
    expect(list.find((d) => d.key === 'parallel-permit')).toMatchObject({ version: 2, versions: [2, 1] });
  });

  it('refuses an invalid definition with its diagnostics', async () => {
    const broken = { ...permit, key: 'broken', edges: [] };
    const { diagnostics } = h.runtime.validateDefinitionInput(broken);
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const attempt = h.runtime.publishDefinition(broken, { publishedBy: null });
    await expect(attempt).rejects.toBeInstanceOf(DefinitionInvalidError);
    await expect(attempt).rejects.toMatchObject({ status: 400, details: { diagnostics } });
    await expect(h.runtime.getDefinitionVersion('broken', 'latest')).rejects.toMatchObject({ status: 404, code: 'definition-not-found' });
  });

  it('exports a version as its stored machine with key, version and engine', async () => {
    const exported = await h.runtime.getXstateExport('parallel-permit', 1);
    const stored = await h.runtime.getDefinitionVersion('parallel-permit', 1);
    expect(exported).toEqual({ machine: stored.machine, meta: { key: 'parallel-permit', version: 1, engine: expect.any(String) } });
  });
});
