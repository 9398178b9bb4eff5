import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { WorkflowDefinition } from '@tongban/engine';
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import type { NodeSize } from './auto-layout.ts';
import { copyNodes, pasteClip, type Clip } from './clipboard.ts';
import { createEdge } from './create-edge.ts';
import type { DefinitionChange } from './definition-change.ts';
import type { DesignFlowEdge, DesignFlowNode } from './flow-types.ts';
import { beginTransient, commit, createHistory, endTransient, redo, undo, updateTransient, type History } from './history.ts';

/** What is selected on the canvas. */
export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** The state of the Design screen: the definition with its history, and what the canvas shows. */
export interface DesignState {
  history: History<WorkflowDefinition>;
  selection: Selection;
  /** Node sizes React Flow measured (never part of the definition, pitfalls B28). */
  measured: Readonly<Record<string, NodeSize>>;
  clipboard?: Clip;
  /** How many times the clipboard was pasted, so each paste lands a step further away. */
  pasteCount: number;
}

/** Everything that changes a {@link DesignState}. */
export type DesignAction =
  /** Edits the definition as one undo step; edits with the same `coalesceKey` in a row are one step. */
  | { type: 'edit'; changes: DefinitionChange[]; coalesceKey?: string; select?: Selection }
  | { type: 'nodeChanges'; changes: NodeChange<DesignFlowNode>[] }
  | { type: 'edgeChanges'; changes: EdgeChange<DesignFlowEdge>[] }
  | { type: 'connect'; source: string; target: string }
  | { type: 'select'; selection: Selection }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'copy' }
  | { type: 'paste' }
  | { type: 'deleteSelection' }
  /** Starts over on another definition, with a fresh history. */
  | { type: 'load'; definition: WorkflowDefinition };

const nothingSelected: Selection = { nodeIds: [], edgeIds: [] };

/** The state of a screen that just opened `definition`. */
export function createDesignState(definition: WorkflowDefinition): DesignState {
  return { history: createHistory(definition), selection: nothingSelected, measured: {}, pasteCount: 0 };
}

/** Drops selected ids that no longer exist in the definition. */
function pruneSelection(selection: Selection, definition: WorkflowDefinition): Selection {
  const nodeIds = selection.nodeIds.filter((id) => definition.nodes.some((node) => node.id === id));
  const edgeIds = selection.edgeIds.filter((id) => definition.edges.some((edge) => edge.id === id));
  return nodeIds.length === selection.nodeIds.length && edgeIds.length === selection.edgeIds.length
    ? selection
    : { nodeIds, edgeIds };
}

function withHistory(state: DesignState, history: History<WorkflowDefinition>, selection = state.selection): DesignState {
  if (history === state.history && selection === state.selection) return state;
  return { ...state, history, selection: pruneSelection(selection, history.present) };
}

function edit(state: DesignState, changes: DefinitionChange[], coalesceKey?: string, select?: Selection): DesignState {
  if (changes.length === 0) return state;
  const next = applyDefinitionChanges(state.history.present, changes);
  return withHistory(state, commit(state.history, next, coalesceKey), select);
}

function toggle(ids: readonly string[], id: string, on: boolean): readonly string[] {
  const has = ids.includes(id);
  if (on === has) return ids;
  return on ? [...ids, id] : ids.filter((other) => other !== id);
}

function applyNodeChanges(state: DesignState, changes: NodeChange<DesignFlowNode>[]): DesignState {
  let measured = state.measured;
  let nodeIds = state.selection.nodeIds;
  const moves: DefinitionChange[] = [];
  let dragging: boolean | undefined;
  for (const change of changes) {
    if (change.type === 'dimensions' && change.dimensions !== undefined) {
      const old = measured[change.id];
      if (old?.width !== change.dimensions.width || old.height !== change.dimensions.height) {
        measured = { ...measured, [change.id]: change.dimensions };
      }
    } else if (change.type === 'select') {
      nodeIds = toggle(nodeIds, change.id, change.selected);
    } else if (change.type === 'position' && change.position !== undefined) {
      moves.push({ type: 'moveNode', id: change.id, position: change.position });
      dragging = dragging === true || change.dragging === true;
    }
  }
  const selection = nodeIds === state.selection.nodeIds ? state.selection : { ...state.selection, nodeIds };
  let history = state.history;
  if (moves.length > 0) {
    const next = applyDefinitionChanges(history.present, moves);
    if (dragging === true) history = updateTransient(beginTransient(history), next);
    else if (history.transientBase !== undefined) history = endTransient(updateTransient(history, next));
    else history = commit(history, next);
  }
  if (measured === state.measured && selection === state.selection && history === state.history) return state;
  return { ...state, measured, selection, history };
}

function applyEdgeChanges(state: DesignState, changes: EdgeChange<DesignFlowEdge>[]): DesignState {
  let edgeIds = state.selection.edgeIds;
  for (const change of changes) {
    if (change.type === 'select') edgeIds = toggle(edgeIds, change.id, change.selected);
  }
  return edgeIds === state.selection.edgeIds ? state : { ...state, selection: { ...state.selection, edgeIds } };
}

/**
 * The Design screen's reducer. React Flow's `dimensions` and `select` changes update the view
 * only; a drag is one undo step from its start to its stop; removals arrive as `edit`s (from
 * React Flow's `onDelete`, so a node and its edges go in one step).
 */
export function designReducer(state: DesignState, action: DesignAction): DesignState {
  const definition = state.history.present;
  switch (action.type) {
    case 'edit':
      return edit(state, action.changes, action.coalesceKey, action.select);
    case 'nodeChanges':
      return applyNodeChanges(state, action.changes);
    case 'edgeChanges':
      return applyEdgeChanges(state, action.changes);
    case 'connect': {
      const edge = createEdge(definition, action.source, action.target);
      return edit(state, [{ type: 'addEdge', edge }], undefined, { nodeIds: [], edgeIds: [edge.id] });
    }
    case 'select':
      return { ...state, selection: pruneSelection(action.selection, definition) };
    case 'undo':
      return withHistory(state, undo(state.history));
    case 'redo':
      return withHistory(state, redo(state.history));
    case 'copy':
      if (state.selection.nodeIds.length === 0) return state;
      return { ...state, clipboard: copyNodes(definition, state.selection.nodeIds), pasteCount: 0 };
    case 'paste': {
      if (state.clipboard === undefined || state.clipboard.nodes.length === 0) return state;
      const pasteCount = state.pasteCount + 1;
      const { changes, newNodeIds } = pasteClip(definition, state.clipboard, pasteCount);
      return { ...edit(state, changes, undefined, { nodeIds: newNodeIds, edgeIds: [] }), pasteCount };
    }
    case 'deleteSelection': {
      const { nodeIds, edgeIds } = state.selection;
      const changes: DefinitionChange[] = [];
      if (edgeIds.length > 0) changes.push({ type: 'removeEdges', ids: [...edgeIds] });
      if (nodeIds.length > 0) changes.push({ type: 'removeNodes', ids: [...nodeIds] });
      return edit(state, changes, undefined, nothingSelected);
    }
    case 'load':
      return createDesignState(action.definition);
  }
}
