import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import { edgeText, toFlowEdges, toFlowNodes } from './to-flow.ts';

const definition = definitionSchema.parse(fixture);

describe('toFlowNodes', () => {
  it('builds one node per definition node, typed by node type, with only domain data', () => {
    const nodes = toFlowNodes(definition);
    expect(nodes).toHaveLength(definition.nodes.length);
    expect(nodes[1]).toEqual({
      id: 'intake',
      type: 'userTask',
      position: { x: 100, y: 80 },
      data: { node: definition.nodes[1], decoration: {} },
      selected: false,
    });
  });

  it('carries measured sizes and selection from the view', () => {
    const nodes = toFlowNodes(definition, {
      measured: { fire: { width: 176, height: 84 } },
      selectedNodeIds: new Set(['fire']),
    });
    const fire = nodes.find((node) => node.id === 'fire');
    expect(fire?.measured).toEqual({ width: 176, height: 84 });
    expect(fire?.selected).toBe(true);
  });

  it('returns the previous node object when nothing it shows changed', () => {
    const view = { measured: { fire: { width: 176, height: 84 } } };
    const first = toFlowNodes(definition, view);
    const moved = applyDefinitionChanges(definition, [{ type: 'moveNode', id: 'fire', position: { x: 0, y: 0 } }]);
    const second = toFlowNodes(moved, view, first);
    expect(second[0]).toBe(first[0]);
    expect(second.find((node) => node.id === 'fire')).not.toBe(first.find((node) => node.id === 'fire'));
  });

  it('places nodes without a position side by side', () => {
    const bare = { ...definition, nodes: definition.nodes.map(({ position: _p, ...node }) => node) };
    expect(toFlowNodes(bare).map((node) => node.position.x).slice(0, 3)).toEqual([0, 220, 440]);
  });
});

describe('toFlowEdges', () => {
  it('connects the out handle of the source to the in handle of the target', () => {
    const [edge] = toFlowEdges(definition);
    expect(edge).toMatchObject({ id: 'e1', source: 'start', target: 'intake', sourceHandle: 'out', targetHandle: 'in' });
  });

  it('writes the outcome label, the condition or the default marker on an edge', () => {
    const byId = (id: string) => {
      const edge = definition.edges.find((e) => e.id === id);
      if (edge === undefined) throw new Error(`fixture lacks ${id}`);
      return edge;
    };
    expect(edgeText(definition, byId('e3'))).toBe('不予受理');
    expect(edgeText(definition, byId('e10'))).toBe('signArea > 10');
    expect(edgeText(definition, byId('e11'), { defaultEdge: '默认', slaBreachEdge: '超时', slaActions: { escalate: '督办', notify: '提醒', deemedApproval: '视为同意', deemedRejection: '视为不同意' } })).toBe('默认');
    expect(edgeText(definition, byId('e1'))).toBe('');
  });

  it('says what an SLA edge does, escalating by default and notifying when it does not interrupt', () => {
    const edge = { id: 'e30', source: 'fire', target: 'refused', kind: 'slaBreach' as const };
    expect(edgeText(definition, edge)).toBe('time-out · escalate');
    expect(edgeText(definition, { ...edge, target: 'fire', interrupting: false })).toBe('time-out · notify');
    expect(edgeText(definition, { ...edge, action: 'deemedApproval' })).toBe('time-out · deemed approval');
  });
});
