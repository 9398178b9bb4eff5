import type { WorkflowDefinition, WorkflowNode } from '@tongban/engine';
import type { DefinitionChange } from './definition-change.ts';

function applyOne(definition: WorkflowDefinition, change: DefinitionChange): WorkflowDefinition {
  switch (change.type) {
    case 'addNode':
      return { ...definition, nodes: [...definition.nodes, change.node] };
    case 'removeNodes': {
      const ids = new Set(change.ids);
      return {
        ...definition,
        nodes: definition.nodes.filter((node) => !ids.has(node.id)),
        edges: definition.edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)),
      };
    }
    case 'moveNode':
      return {
        ...definition,
        nodes: definition.nodes.map((node) =>
          node.id === change.id ? ({ ...node, position: change.position } as WorkflowNode) : node,
        ),
      };
    case 'replaceNode':
      return {
        ...definition,
        nodes: definition.nodes.map((node) => (node.id === change.node.id ? change.node : node)),
      };
    case 'renameNode': {
      const rename = (id: string) => (id === change.id ? change.newId : id);
      return {
        ...definition,
        nodes: definition.nodes.map((node) => (node.id === change.id ? { ...node, id: change.newId } : node)),
        edges: definition.edges.map((edge) =>
          edge.source === change.id || edge.target === change.id
            ? { ...edge, source: rename(edge.source), target: rename(edge.target) }
            : edge,
        ),
      };
    }
    case 'addEdge':
      return { ...definition, edges: [...definition.edges, change.edge] };
    case 'removeEdges': {
      const ids = new Set(change.ids);
      return { ...definition, edges: definition.edges.filter((edge) => !ids.has(edge.id)) };
    }
    case 'replaceEdge':
      return {
        ...definition,
        edges: definition.edges.map((edge) => (edge.id === change.edge.id ? change.edge : edge)),
      };
    case 'updateSettings':
      return { ...definition, ...change.settings };
    case 'replaceDefinition':
      return change.definition;
  }
}

/**
 * Applies edits to a definition, in order, without touching the input: nodes and edges that an
 * edit leaves alone keep their identity, so memoised views of them do not re-render.
 */
export function applyDefinitionChanges(
  definition: WorkflowDefinition,
  changes: readonly DefinitionChange[],
): WorkflowDefinition {
  return changes.reduce(applyOne, definition);
}
