import type { BuiltInOutcome, NodeType, WorkflowNode } from '@tongban/engine';
import type { XYPosition } from './definition-change.ts';

/** Words a new node is given, in the designer's language. */
export interface NewNodeWords {
  /** Default name of each node type, e.g. `审核` for a userTask. */
  names: Record<NodeType, string>;
  /** Labels of the built-in outcomes, e.g. `通过` for `approve`. */
  outcomes: Record<BuiltInOutcome, string>;
}

/**
 * A new node of `type` as the palette drops it: a userTask handled by a district clerk with
 * `approve` and `reject`, an endEvent ending the case as `completed`.
 */
export function createNode(type: NodeType, id: string, position: XYPosition, words: NewNodeWords): WorkflowNode {
  const name = words.names[type];
  switch (type) {
    case 'startEvent':
    case 'exclusiveGateway':
    case 'parallelGateway':
    case 'inclusiveGateway':
      return { id, type, name, position };
    case 'endEvent':
      return { id, type, name, position, result: 'completed' };
    case 'serviceTask':
      return { id, type, name, position, implementation: { handler: 'handler' } };
    case 'timerEvent':
      return { id, type, name, position, duration: { amount: 5, unit: 'workingDay' } };
    case 'callActivity':
      return { id, type, name, position, calledElement: 'sub-process' };
    case 'userTask':
      return {
        id,
        type,
        name,
        position,
        department: '',
        level: 'district',
        candidateRole: 'clerk',
        outcomes: [
          { id: 'approve', label: words.outcomes.approve },
          { id: 'reject', label: words.outcomes.reject },
        ],
        form: [],
      };
  }
}
