import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import { unionDefinition } from './union-definition.ts';

const before = definitionSchema.parse(fixture);

describe('unionDefinition', () => {
  it('holds the newer version plus what it removed from the older one', () => {
    const after = applyDefinitionChanges(before, [
      { type: 'removeNodes', ids: ['fire'] },
      { type: 'addNode', node: { id: 'health', type: 'exclusiveGateway', name: '卫生' } },
    ]);
    const union = unionDefinition(before, after);
    expect(union.nodes.map((node) => node.id)).toContain('fire');
    expect(union.nodes.map((node) => node.id)).toContain('health');
    expect(union.edges.map((edge) => edge.id).sort()).toEqual(before.edges.map((edge) => edge.id).sort());
    expect(union.nodes.find((node) => node.id === 'fire')?.position).toEqual({ x: 420, y: 180 });
  });
});
