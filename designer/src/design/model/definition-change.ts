import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@tongban/engine';

/** A canvas position in flow coordinates (pixels at zoom 1). */
export interface XYPosition {
  x: number;
  y: number;
}

/** The definition's own settings, edited apart from its graph. */
export type DefinitionSettings = Pick<
  WorkflowDefinition,
  'key' | 'name' | 'description' | 'calendar' | 'promisedSla' | 'dataSchema'
>;

/**
 * One edit of a workflow definition, as data. The canvas, the properties panel, paste, layout and
 * import all describe what they do with these, and {@link applyDefinitionChanges} carries it out.
 */
export type DefinitionChange =
  | { type: 'addNode'; node: WorkflowNode }
  /** Removes the nodes and every edge that touches them. */
  | { type: 'removeNodes'; ids: string[] }
  | { type: 'moveNode'; id: string; position: XYPosition }
  /** Replaces a node by a new version of itself (same id and type). */
  | { type: 'replaceNode'; node: WorkflowNode }
  /** Gives a node a new id; the edges that touch it follow. */
  | { type: 'renameNode'; id: string; newId: string }
  | { type: 'addEdge'; edge: WorkflowEdge }
  | { type: 'removeEdges'; ids: string[] }
  /** Replaces an edge by a new version of itself (same id). */
  | { type: 'replaceEdge'; edge: WorkflowEdge }
  | { type: 'updateSettings'; settings: Partial<DefinitionSettings> }
  | { type: 'replaceDefinition'; definition: WorkflowDefinition };
