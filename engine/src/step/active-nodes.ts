import { REGION_DONE } from '../compile/machine-config.types.ts';
import type { PersistedCaseSnapshot } from './step.types.ts';

/**
 * The node ids a case rests in: its open tasks and, once finished, its end event (`@withdrawn`
 * for a withdrawn case). Parallel
 * branches that are done and the parallel states themselves are not listed; gateways never rest.
 *
 * Pure: performs no I/O.
 */
export function activeNodes(snapshot: PersistedCaseSnapshot): string[] {
  const nodes: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value !== REGION_DONE) nodes.push(value);
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) visit(child);
    }
  };
  visit(snapshot.value);
  return nodes;
}
