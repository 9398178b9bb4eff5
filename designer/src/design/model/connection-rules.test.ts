import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { refuseConnection } from './connection-rules.ts';

const definition = definitionSchema.parse(fixture);

describe('refuseConnection', () => {
  it('allows an edge between two nodes not yet connected', () => {
    expect(refuseConnection(definition, { source: 'fire', target: 'intake' })).toBeNull();
  });

  it('refuses an edge into a start event', () => {
    expect(refuseConnection(definition, { source: 'intake', target: 'start' })).toBe('into-start-event');
  });

  it('refuses an edge out of an end event', () => {
    expect(refuseConnection(definition, { source: 'done', target: 'intake' })).toBe('out-of-end-event');
  });

  it('refuses a self-loop', () => {
    expect(refuseConnection(definition, { source: 'fire', target: 'fire' })).toBe('self-loop');
  });

  it('refuses a second edge between the same two nodes in the same direction', () => {
    expect(refuseConnection(definition, { source: 'start', target: 'intake' })).toBe('duplicate-edge');
  });

  it('refuses an edge naming a node the definition does not have', () => {
    expect(refuseConnection(definition, { source: 'ghost', target: 'intake' })).toBe('unknown-node');
  });
});
