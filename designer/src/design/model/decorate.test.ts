import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@tongban/engine';
import { diffDecorations, problemDecorations } from './decorate.ts';

describe('problemDecorations', () => {
  it('marks each node and edge with its worst severity and number of problems', () => {
    const diagnostics: Diagnostic[] = [
      { code: 'outcome-without-edge', severity: 'warning', message: 'w', nodeId: 'review' },
      { code: 'user-task-without-department', severity: 'error', message: 'e', nodeId: 'review' },
      { code: 'exclusive-edge-without-condition', severity: 'error', message: 'e', nodeId: 'gate', edgeId: 'e4' },
      { code: 'no-end-event', severity: 'error', message: 'e' },
    ];
    expect(problemDecorations(diagnostics)).toEqual({
      nodes: { review: { problem: { severity: 'error', count: 2 } } },
      edges: { e4: { problem: { severity: 'error', count: 1 } } },
    });
  });
});

describe('diffDecorations', () => {
  it('colours every node and edge by its diff status', () => {
    const decorations = diffDecorations({ nodes: { a: 'added', b: 'unchanged' }, edges: { e1: 'removed' }, settings: [] });
    expect(decorations.nodes).toEqual({ a: { diff: 'added' }, b: { diff: 'unchanged' } });
    expect(decorations.edges).toEqual({ e1: { diff: 'removed' } });
  });
});
