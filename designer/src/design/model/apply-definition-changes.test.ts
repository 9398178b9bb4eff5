import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';

const definition = definitionSchema.parse(fixture);

describe('applyDefinitionChanges', () => {
  it('removes a node together with every edge that touches it', () => {
    const next = applyDefinitionChanges(definition, [{ type: 'removeNodes', ids: ['urban'] }]);
    expect(next.nodes.map((node) => node.id)).not.toContain('urban');
    expect(next.edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e3', 'e5', 'e8', 'e9', 'e10', 'e11']);
  });

  it('renames a node and rewires its edges to the new id', () => {
    const next = applyDefinitionChanges(definition, [{ type: 'renameNode', id: 'intake', newId: 'accept' }]);
    expect(next.nodes.some((node) => node.id === 'accept')).toBe(true);
    expect(next.edges.filter((edge) => edge.source === 'accept' || edge.target === 'accept').map((e) => e.id)).toEqual([
      'e1',
      'e2',
      'e3',
      'e7',
    ]);
  });

  it('keeps the identity of nodes and edges an edit leaves alone', () => {
    const next = applyDefinitionChanges(definition, [{ type: 'moveNode', id: 'fire', position: { x: 1, y: 2 } }]);
    expect(next.nodes[0]).toBe(definition.nodes[0]);
    expect(next.edges).toBe(definition.edges);
    expect(next.nodes.find((node) => node.id === 'fire')?.position).toEqual({ x: 1, y: 2 });
  });

  it('applies several changes in order and leaves the input untouched', () => {
    const before = JSON.stringify(definition);
    const next = applyDefinitionChanges(definition, [
      { type: 'addNode', node: { id: 'extra', type: 'exclusiveGateway', name: '判断' } },
      { type: 'addEdge', edge: { id: 'e12', source: 'fire', target: 'extra' } },
      { type: 'replaceEdge', edge: { id: 'e12', source: 'fire', target: 'extra', outcome: 'approve' } },
      { type: 'removeEdges', ids: ['e8'] },
      { type: 'updateSettings', settings: { name: '招牌' } },
    ]);
    expect(next.name).toBe('招牌');
    expect(next.edges.find((edge) => edge.id === 'e12')?.outcome).toBe('approve');
    expect(next.edges.some((edge) => edge.id === 'e8')).toBe(false);
    expect(JSON.stringify(definition)).toBe(before);
  });
});
