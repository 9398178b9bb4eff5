import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportStandaloneModule, parseDefinition } from '../src/index.ts';
import { standaloneFolder } from './standalone-module.ts';

/** A scripted action of a shipped workflow's fixture (workflows/src/workflow-fixture.types.ts). */
type FixtureAction =
  | { action: 'complete'; nodeId: string; outcome: string; data?: Record<string, unknown>; returnTo?: string }
  | { action: 'supplement'; data?: Record<string, unknown> }
  | { action: 'slaBreach'; nodeId: string; limit?: string }
  | { action: 'timerFired'; nodeId: string };

interface Fixture {
  id: string;
  data: Record<string, unknown>;
  script: FixtureAction[];
  expected: { result: string; tasks: { nodeId: string }[]; data?: Record<string, unknown> };
}

const repo = fileURLToPath(new URL('../../', import.meta.url));
const workflowsRoot = join(repo, 'workflows');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const workflows = readdirSync(workflowsRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(join(workflowsRoot, entry.name)).includes('definition.json'))
  .map((entry) => entry.name)
  .sort();

const folder = standaloneFolder();
afterAll(() => folder.remove());

const toEvent = (action: FixtureAction): Record<string, unknown> => {
  switch (action.action) {
    case 'complete':
      return { type: 'task.complete', nodeId: action.nodeId, outcome: action.outcome, data: action.data ?? {}, ...(action.returnTo ? { returnTo: action.returnTo } : {}) };
    case 'supplement':
      return { type: 'case.supplement', data: action.data ?? {} };
    case 'slaBreach':
      return { type: 'task.slaBreach', nodeId: action.nodeId, limit: action.limit ?? 'statutory' };
    case 'timerFired':
      return { type: 'timer.fired', nodeId: action.nodeId };
  }
};

describe.each(workflows)('the standalone XState module of workflow %s', (key) => {
  const { definition } = parseDefinition(readJson(join(workflowsRoot, key, 'definition.json')));
  if (definition === undefined) throw new Error(`workflows/${key}/definition.json does not parse`);
  const exported = exportStandaloneModule(definition);
  const fixtureDir = join(workflowsRoot, key, 'fixtures');
  const fixtures = readdirSync(fixtureDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => readJson(join(fixtureDir, file)) as Fixture);

  it('imports nothing but xstate and feelin', () => {
    const imports = [...exported.module.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports.sort()).toEqual(['feelin', 'xstate']);
    expect(exported.module).not.toMatch(/@tongban|require\(/);
  });

  it('comes with a README naming every task of the workflow', () => {
    expect(exported.readme).toContain(`import { createCaseActor } from './${exported.fileName}'`);
    for (const node of definition.nodes) if (node.type === 'userTask') expect(exported.readme).toContain(`\`${node.id}\``);
  });

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('drives fixture %s to its expected end with a plain import(), resuming from the persisted snapshot before each event', async (_id, fixture) => {
    const loaded = await folder.load(exported);
    const created: string[] = [];
    const onEffect = ({ type, params }: { type: string; params: { nodeId?: string } }) => type === 'createTask' && created.push(String(params.nodeId));
    let actor = loaded.createCaseActor({ caseId: `standalone-${fixture.id}`, data: structuredClone(fixture.data) }, { onEffect });
    actor.start();
    for (const action of fixture.script) {
      const persisted: unknown = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
      actor = loaded.createCaseActor(undefined, { onEffect, snapshot: persisted });
      actor.start();
      actor.send(toEvent(action));
    }
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('done');
    expect(snapshot.output).toEqual({ result: fixture.expected.result });
    expect(snapshot.context.tasks).toEqual({});
    expect(created.sort()).toEqual(fixture.expected.tasks.map((task) => task.nodeId).sort());
    expect(snapshot.context.data).toMatchObject(fixture.expected.data ?? {});
  });
});
