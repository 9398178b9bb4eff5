import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes, parseDefinition, validate } from '../src/index.ts';
import type { Diagnostic, WorkflowDefinition } from '../src/index.ts';
import { fixtureNames, loadWorkflow, readFixture } from './load-fixture.ts';

function diagnose(input: unknown): Diagnostic[] {
  const { definition, diagnostics } = parseDefinition(input);
  return definition ? validate(definition) : diagnostics;
}

describe('validate', () => {
  describe('on the valid workflow fixtures', () => {
    it.each(fixtureNames('workflows').filter((name) => name !== 'return-leaving-block'))(
      'should find nothing wrong with %s',
      (name) => {
        expect(validate(loadWorkflow(name))).toEqual([]);
      },
    );

    it('should only warn about returns that leave and enter a parallel block', () => {
      expect(validate(loadWorkflow('return-leaving-block')).map((d) => [d.code, d.severity, d.edgeId])).toEqual([
        ['return-leaves-parallel-block', 'warning', 'e6'],
        ['return-enters-parallel-block', 'warning', 'e11'],
      ]);
    });
  });

  describe('on one broken fixture per code', () => {
    it.each([...diagnosticCodes])('should report %s', (code) => {
      const found = diagnose(readFixture(`diagnostics/${code}.json`));
      expect(found.map((diagnostic) => diagnostic.code)).toContain(code);
    });

    it('should have a fixture for every code and no fixture without a code', () => {
      expect(fixtureNames('diagnostics')).toEqual([...diagnosticCodes].sort());
    });
  });

  it('should explain every code, and only those, in docs/diagnostics.md', () => {
    const doc = readFileSync(new URL('../docs/diagnostics.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^### `([a-z-]+)`\n\n\*\*(error|warning)\*\*/gm)].map((match) => [match[1], match[2]]);
    expect(documented.map(([code]) => code)).toEqual([...diagnosticCodes]);
    for (const [code, severity] of documented) {
      const reported = diagnose(readFixture(`diagnostics/${code}.json`)).find((d) => d.code === code);
      expect([code, reported?.severity]).toEqual([code, severity]);
    }
  });

  it('should quote the ids in the xstate style', () => {
    expect(diagnose(readFixture('diagnostics/edge-target-missing.json'))[0]).toEqual({
      code: 'edge-target-missing',
      severity: 'error',
      message: "Edge 'e4' targets 'review-2', which is not a node of workflow 'edge-target-missing'",
      edgeId: 'e4',
      field: 'edges[3].target',
    });
  });

  it('should give warnings, not errors, for what does not stop a case', () => {
    const severities = new Map<string, string>();
    for (const code of diagnosticCodes) {
      for (const diagnostic of diagnose(readFixture(`diagnostics/${code}.json`))) {
        if (diagnostic.code === code) severities.set(code, diagnostic.severity);
      }
    }
    const warnings = [...severities].filter(([, severity]) => severity === 'warning').map(([code]) => code);
    expect(warnings.sort()).toEqual([
      'condition-ignored',
      'extension-exceeds-law',
      'outcome-ignored',
      'return-enters-parallel-block',
      'return-leaves-parallel-block',
      'sla-edge-without-limit',
      'unknown-condition-variable',
      'unreachable-node',
    ]);
  });

  it('should place a task problem on the task and its field', () => {
    expect(diagnose(readFixture('diagnostics/user-task-without-role.json'))).toEqual([
      {
        code: 'user-task-without-role',
        severity: 'error',
        message: "User task 'review' names no candidate role",
        nodeId: 'review',
        field: 'nodes[2].candidateRole',
      },
    ]);
  });

  it('should name every member of a gateway cycle', () => {
    const [cycle] = diagnose(readFixture('diagnostics/cycle-without-wait-state.json'));
    expect(cycle?.message).toBe("Nodes 'size' and 'again' form a cycle with no user task in it, so a case would loop through it forever");
  });

  it('should report a branch that jumps into another branch as unbalanced', () => {
    const found = diagnose(readFixture('diagnostics/unbalanced-parallel-gateway.json'));
    expect(found.map((d) => d.message)).toEqual([
      "Node 'issue' is reached both from branch 'e4' of parallel gateway 'split' and from branch 'e3' of parallel gateway 'split'; each node belongs to one branch of one parallel block",
      "The branches of parallel gateway 'split' never meet again at a joining parallel gateway",
    ]);
  });

  it('should report a join that closes two blocks', () => {
    const definition = loadWorkflow('nested-parallel');
    const edges = definition.edges.map((edge) => (edge.id === 'e7' ? { ...edge, target: 'outer-join' } : edge));
    const found = validate({ ...definition, edges });
    expect(found.map((d) => d.code)).toContain('unbalanced-parallel-gateway');
  });

  it('should report a return into another branch of the same block, even one that ran before', () => {
    const definition = loadWorkflow('parallel');
    const twoWay = (ids: string[]) => ids.map((outcome) => ({ id: outcome, label: outcome }));
    const nodes = definition.nodes.map((node) => {
      if (node.type !== 'userTask') return node;
      if (node.id === 'signage-review') return { ...node, outcomes: twoWay(['approve', 'return']) };
      if (node.id === 'issue') return { ...node, outcomes: twoWay(['approve', 'redo']) };
      return node;
    });
    const edges = [
      ...definition.edges.map((edge) => (edge.id === 'e8' ? { ...edge, outcome: 'approve' } : edge)),
      { id: 'e9', source: 'signage-review', target: 'food-review', outcome: 'return' },
      { id: 'e10', source: 'issue', target: 'intake', outcome: 'redo' },
    ];
    const found = validate({ ...definition, nodes, edges });
    expect(found).toMatchObject([
      {
        code: 'return-target-not-earlier',
        message: "Return edge 'e9' from 'signage-review' targets 'food-review', which lies in another branch of the same parallel block",
      },
    ]);
  });

  it('should never throw, whatever graph it is given', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const nodeArb = fc.record({
      id,
      type: fc.constantFrom('startEvent', 'endEvent', 'userTask', 'exclusiveGateway', 'parallelGateway'),
    });
    const edgeArb = fc.record({
      id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'),
      source: id,
      target: id,
      outcome: fc.option(fc.constantFrom('approve', 'return', 'requestSupplement', 'other'), { nil: undefined }),
      condition: fc.option(fc.constantFrom('x > 1', 'x >', 'today() > d'), { nil: undefined }),
      default: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(nodeArb, { maxLength: 8 }), fc.array(edgeArb, { maxLength: 12 }), (nodes, edges) => {
        const input = {
          schemaVersion: 1,
          key: 'random',
          version: 1,
          name: 'Random',
          calendar: 'cn-mainland',
          nodes: nodes.map((node) => ({ ...node, name: node.id, result: 'done', department: 'd', candidateRole: 'r' })),
          edges: edges.map((edge) => JSON.parse(JSON.stringify(edge)) as WorkflowDefinition['edges'][number]),
        };
        const found = diagnose(input);
        for (const diagnostic of found) expect(diagnosticCodes).toContain(diagnostic.code);
      }),
      { numRuns: 300 },
    );
  });
});
