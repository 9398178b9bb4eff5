import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { createDesignState, designReducer, type DesignAction, type DesignState } from './design-state.ts';

const definition = definitionSchema.parse(fixture);

function run(actions: DesignAction[], state: DesignState = createDesignState(definition)): DesignState {
  return actions.reduce(designReducer, state);
}

describe('designReducer', () => {
  it('keeps measurement and selection changes out of the undo history', () => {
    const state = run([
      { type: 'nodeChanges', changes: [{ type: 'dimensions', id: 'fire', dimensions: { width: 176, height: 84 } }] },
      { type: 'nodeChanges', changes: [{ type: 'select', id: 'fire', selected: true }] },
      { type: 'edgeChanges', changes: [{ type: 'select', id: 'e1', selected: true }] },
    ]);
    expect(state.history.past).toHaveLength(0);
    expect(state.measured.fire).toEqual({ width: 176, height: 84 });
    expect(state.selection).toEqual({ nodeIds: ['fire'], edgeIds: ['e1'] });
  });

  it('records a drag as one undo step from its start to its stop', () => {
    const drag: DesignAction[] = [1, 2, 3].map((step) => ({
      type: 'nodeChanges',
      changes: [{ type: 'position', id: 'fire', position: { x: 420 + step * 10, y: 180 }, dragging: true }],
    }));
    const state = run([
      ...drag,
      { type: 'nodeChanges', changes: [{ type: 'position', id: 'fire', position: { x: 460, y: 180 }, dragging: false }] },
    ]);
    expect(state.history.past).toHaveLength(1);
    expect(state.history.present.nodes.find((node) => node.id === 'fire')?.position).toEqual({ x: 460, y: 180 });
    const undone = designReducer(state, { type: 'undo' });
    expect(undone.history.present.nodes.find((node) => node.id === 'fire')?.position).toEqual({ x: 420, y: 180 });
  });

  it('connects two nodes with a new selected edge, undone in one step', () => {
    const state = run([{ type: 'connect', source: 'fire', target: 'refused' }]);
    const edge = state.history.present.edges.at(-1);
    expect(edge).toMatchObject({ source: 'fire', target: 'refused' });
    expect(state.selection.edgeIds).toEqual([edge?.id]);
    expect(designReducer(state, { type: 'undo' }).history.present.edges).toHaveLength(definition.edges.length);
  });

  it('deletes the selection with its edges in one step and clears the selection', () => {
    const state = run([
      { type: 'select', selection: { nodeIds: ['fire'], edgeIds: ['e1'] } },
      { type: 'deleteSelection' },
    ]);
    expect(state.history.present.nodes.some((node) => node.id === 'fire')).toBe(false);
    expect(state.history.present.edges.map((edge) => edge.id)).not.toContain('e5');
    expect(state.history.present.edges.map((edge) => edge.id)).not.toContain('e1');
    expect(state.selection).toEqual({ nodeIds: [], edgeIds: [] });
    expect(designReducer(state, { type: 'undo' }).history.present).toBe(definition);
  });

  it('pastes copied nodes and selects the copies', () => {
    const state = run([
      { type: 'select', selection: { nodeIds: ['fire'], edgeIds: [] } },
      { type: 'copy' },
      { type: 'paste' },
      { type: 'paste' },
    ]);
    expect(state.history.present.nodes.map((node) => node.id).slice(-2)).toEqual(['userTask-1', 'userTask-2']);
    expect(state.selection.nodeIds).toEqual(['userTask-2']);
    expect(state.history.past).toHaveLength(2);
  });

  it('drops from the selection what an undo takes away', () => {
    const state = run([
      { type: 'edit', changes: [{ type: 'addNode', node: { id: 'x', type: 'exclusiveGateway', name: 'x' } }], select: { nodeIds: ['x'], edgeIds: [] } },
      { type: 'undo' },
    ]);
    expect(state.selection.nodeIds).toEqual([]);
  });

  it('coalesces typing into one field into one undo step', () => {
    const fire = definition.nodes.find((node) => node.id === 'fire');
    if (fire === undefined) throw new Error('fixture lacks fire');
    const state = run(
      ['消', '消防', '消防检'].map((name) => ({
        type: 'edit',
        changes: [{ type: 'replaceNode', node: { ...fire, name } }],
        coalesceKey: 'node:fire:name',
      })),
    );
    expect(state.history.past).toHaveLength(1);
    expect(designReducer(state, { type: 'undo' }).history.present).toBe(definition);
  });
});
