import { describe, expect, it } from 'vitest';
import { definitionSchema, type WorkflowNode } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import { diffDefinitions } from './diff-definitions.ts';

const before = definitionSchema.parse(fixture);

describe('diffDefinitions', () => {
  it('marks added, removed and changed nodes and edges, the rest unchanged', () => {
    const fire = before.nodes.find((node) => node.id === 'fire') as WorkflowNode;
    const after = applyDefinitionChanges(before, [
      { type: 'removeNodes', ids: ['urban'] },
      { type: 'replaceNode', node: { ...fire, name: '消防安全检查' } },
      { type: 'addNode', node: { id: 'health', type: 'exclusiveGateway', name: '卫生' } },
      { type: 'addEdge', edge: { id: 'e20', source: 'split', target: 'health' } },
      { type: 'updateSettings', settings: { promisedSla: { amount: 8, unit: 'workingDay' } } },
    ]);
    const diff = diffDefinitions(before, after);
    expect(diff.nodes).toMatchObject({ urban: 'removed', fire: 'changed', health: 'added', intake: 'unchanged' });
    expect(diff.edges).toMatchObject({ e4: 'removed', e6: 'removed', e7: 'removed', e20: 'added', e1: 'unchanged' });
    expect(diff.settings).toEqual(['promisedSla']);
  });

  it('does not count a moved node or reordered keys as a change', () => {
    const after = applyDefinitionChanges(before, [{ type: 'moveNode', id: 'fire', position: { x: 9, y: 9 } }]);
    const reordered = { ...after, edges: after.edges.map((edge) => Object.fromEntries(Object.entries(edge).reverse())) };
    const diff = diffDefinitions(before, reordered as typeof after);
    expect(Object.values(diff.nodes).every((status) => status === 'unchanged')).toBe(true);
    expect(Object.values(diff.edges).every((status) => status === 'unchanged')).toBe(true);
  });
});
