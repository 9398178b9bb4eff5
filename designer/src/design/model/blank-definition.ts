import { CURRENT_SCHEMA_VERSION, type WorkflowDefinition } from '@tongban/engine';

/**
 * A new definition to start drawing from: one start event, counted on the mainland calendar
 * (`cn-mainland`). `key` must be kebab-case for the definition to publish.
 */
export function blankDefinition(key: string, name: string, startName: string): WorkflowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    key,
    version: 1,
    name,
    description: '',
    calendar: 'cn-mainland',
    nodes: [{ id: 'start', type: 'startEvent', name: startName, position: { x: 0, y: 0 } }],
    edges: [],
  };
}
