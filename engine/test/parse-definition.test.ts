import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/index.ts';
import { readFixture } from './load-fixture.ts';

describe('parseDefinition', () => {
  it('should return the definition with defaults applied when the input fits the schema', () => {
    const { definition, diagnostics } = parseDefinition(readFixture('workflows/sequence.json'));
    expect(diagnostics).toEqual([]);
    expect(definition?.key).toBe('sequence');
    const review = definition?.nodes.find((node) => node.id === 'review');
    expect(review).toMatchObject({ type: 'userTask', level: 'district', form: [] });
  });

  it('should report each schema violation with the JSON path of the field and the id of its node', () => {
    const { definition, diagnostics } = parseDefinition(readFixture('diagnostics/invalid-schema.json'));
    expect(definition).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'invalid-schema',
        severity: 'error',
        message: 'key: A workflow key is kebab-case, e.g. "open-restaurant"',
        field: 'key',
      },
      {
        code: 'invalid-schema',
        severity: 'error',
        message: 'nodes[1].candidateRole: Invalid input: expected string, received number',
        field: 'nodes[1].candidateRole',
        nodeId: 'intake',
      },
    ]);
  });

  it('should name the edge of an edge violation', () => {
    const input = readFixture('workflows/sequence.json') as { edges: Record<string, unknown>[] };
    delete input.edges[2]?.target;
    const { diagnostics } = parseDefinition(input);
    expect(diagnostics).toMatchObject([{ field: 'edges[2].target', edgeId: 'e3' }]);
  });

  it('should point at the type of a node whose type is unknown', () => {
    const input = readFixture('workflows/sequence.json') as { nodes: Record<string, unknown>[] };
    (input.nodes[1] as Record<string, unknown>).type = 'scriptTask';
    const { diagnostics } = parseDefinition(input);
    expect(diagnostics).toMatchObject([{ code: 'invalid-schema', field: 'nodes[1].type', nodeId: 'intake' }]);
  });

  it('should leave a missing department to validation, which names it user-task-without-department', () => {
    const input = readFixture('workflows/sequence.json') as { nodes: Record<string, unknown>[] };
    delete input.nodes[1]?.department;
    const { definition, diagnostics } = parseDefinition(input);
    expect(diagnostics).toEqual([]);
    expect(definition?.nodes[1]).toMatchObject({ department: '' });
  });

  it.each([null, undefined, 42, 'a string', [], { nodes: 'many' }])('should not throw on %j', (input) => {
    const { definition, diagnostics } = parseDefinition(input);
    expect(definition).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((diagnostic) => diagnostic.code === 'invalid-schema')).toBe(true);
  });
});
