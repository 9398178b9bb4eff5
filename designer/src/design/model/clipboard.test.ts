import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import { copyNodes, pasteClip, pasteOffset } from './clipboard.ts';

const definition = definitionSchema.parse(fixture);

describe('copy and paste', () => {
  it('copies the chosen nodes and only the edges between two of them', () => {
    const clip = copyNodes(definition, ['split', 'urban', 'fire']);
    expect(clip.nodes.map((node) => node.id)).toEqual(['split', 'urban', 'fire']);
    expect(clip.edges.map((edge) => edge.id)).toEqual(['e4', 'e5']);
  });

  it('pastes copies with fresh ids, offset positions and edges rewired to the copies', () => {
    const clip = copyNodes(definition, ['split', 'urban']);
    const { changes, newNodeIds } = pasteClip(definition, clip);
    const next = applyDefinitionChanges(definition, changes);
    expect(newNodeIds).toEqual(['parallelGateway-1', 'userTask-1']);
    const copy = next.nodes.find((node) => node.id === 'userTask-1');
    expect(copy?.name).toBe('招牌审核');
    expect(copy?.position).toEqual({ x: 420 + pasteOffset, y: pasteOffset });
    expect(next.edges.at(-1)).toEqual({ id: 'edge-1', source: 'parallelGateway-1', target: 'userTask-1' });
  });

  it('moves each further paste a step further away', () => {
    const clip = copyNodes(definition, ['fire']);
    const { changes } = pasteClip(definition, clip, 3);
    const added = changes[0];
    expect(added?.type === 'addNode' && added.node.position).toEqual({ x: 420 + 3 * pasteOffset, y: 180 + 3 * pasteOffset });
  });
});
