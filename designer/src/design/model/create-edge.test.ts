import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import { createEdge } from './create-edge.ts';

const definition = definitionSchema.parse(fixture);

describe('createEdge', () => {
  it('routes the first outcome of a task that no edge routes yet, never the supplement request', () => {
    const withoutReject = applyDefinitionChanges(definition, [{ type: 'removeEdges', ids: ['e3'] }]);
    expect(createEdge(withoutReject, 'intake', 'done')).toEqual({
      id: 'edge-1',
      source: 'intake',
      target: 'done',
      outcome: 'reject',
    });
  });

  it('leaves the outcome out when the source is not a task or every outcome is routed', () => {
    expect(createEdge(definition, 'area', 'refused').outcome).toBeUndefined();
    expect(createEdge(definition, 'intake', 'done').outcome).toBeUndefined();
    expect(createEdge(definition, 'fire', 'done').outcome).toBeUndefined();
  });
});
