import type { Diagnostic } from '@tongban/engine';
import type { DefinitionDiff } from './diff-definitions.ts';
import type { EdgeDecoration, NodeDecoration, ProblemMark } from './flow-types.ts';

function mark(marks: Map<string, ProblemMark>, id: string, severity: Diagnostic['severity']): void {
  const old = marks.get(id);
  marks.set(id, {
    severity: old?.severity === 'error' || severity === 'error' ? 'error' : 'warning',
    count: (old?.count ?? 0) + 1,
  });
}

/**
 * Canvas decorations for diagnostics: each node and edge with a problem gets a mark with the
 * worst severity and the number of problems. Diagnostics of the definition as a whole mark nothing.
 */
export function problemDecorations(diagnostics: readonly Diagnostic[]): {
  nodes: Record<string, NodeDecoration>;
  edges: Record<string, EdgeDecoration>;
} {
  const nodeMarks = new Map<string, ProblemMark>();
  const edgeMarks = new Map<string, ProblemMark>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.edgeId !== undefined) mark(edgeMarks, diagnostic.edgeId, diagnostic.severity);
    else if (diagnostic.nodeId !== undefined) mark(nodeMarks, diagnostic.nodeId, diagnostic.severity);
  }
  return {
    nodes: Object.fromEntries([...nodeMarks].map(([id, problem]) => [id, { problem }])),
    edges: Object.fromEntries([...edgeMarks].map(([id, problem]) => [id, { problem }])),
  };
}

/** Canvas decorations for a version diff: each node and edge coloured by its status. */
export function diffDecorations(diff: DefinitionDiff): {
  nodes: Record<string, NodeDecoration>;
  edges: Record<string, EdgeDecoration>;
} {
  return {
    nodes: Object.fromEntries(Object.entries(diff.nodes).map(([id, status]) => [id, { diff: status }])),
    edges: Object.fromEntries(Object.entries(diff.edges).map(([id, status]) => [id, { diff: status }])),
  };
}
