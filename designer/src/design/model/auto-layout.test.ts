import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { layoutDefinition } from './auto-layout.ts';

const definition = definitionSchema.parse(fixture);

describe('layoutDefinition', () => {
  it('places every node, each successor to the right of its predecessor on forward edges', async () => {
    const positions = await layoutDefinition(definition);
    expect(Object.keys(positions).sort()).toEqual(definition.nodes.map((node) => node.id).sort());
    const x = (id: string) => positions[id]?.x ?? Number.NaN;
    expect(x('start')).toBeLessThan(x('intake'));
    expect(x('intake')).toBeLessThan(x('split'));
    expect(x('split')).toBeLessThan(x('urban'));
    expect(x('urban')).toBeLessThan(x('join'));
    expect(x('join')).toBeLessThan(x('done'));
  });

  it('puts the two parallel branches one above the other', async () => {
    const positions = await layoutDefinition(definition);
    expect(positions.urban?.x).toBe(positions.fire?.x);
    expect(positions.urban?.y).not.toBe(positions.fire?.y);
  });
});
