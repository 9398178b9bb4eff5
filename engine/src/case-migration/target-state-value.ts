import { REGION_DONE } from '../compile/machine-config.types.ts';
import type { StateJson } from '../compile/machine-config.types.ts';
import { stateAt, valueAt } from './state-paths.ts';

/** A state value as XState keeps it: a child's key, or an object of region values. */
export type StateValue = string | { [key: string]: StateValue };

interface Tree {
  [key: string]: Tree;
}

/** Why no state value holds the paths: two paths in one branch, or a branch left empty. */
export type TargetValueProblem = 'duplicate-target' | 'parallel-branch-unmapped';

/**
 * The state value of `machine` resting in the states at `paths` (keys from the root). A parallel
 * state on the way needs every region filled: a region with none of the paths is finished
 * (`@done`) when the source value (`sourceValue`) has that same region finished, and refused
 * otherwise. Two paths that part inside a state that is not parallel are refused.
 *
 * Pure: performs no I/O.
 */
export function targetStateValue(
  machine: StateJson,
  paths: readonly (readonly string[])[],
  sourceValue: unknown,
): { value: StateValue } | { problem: TargetValueProblem } {
  const tree: Tree = {};
  for (const path of paths) {
    let node = tree;
    for (const key of path) node = node[key] ??= {};
  }
  const build = (state: StateJson, node: Tree, at: string[]): StateValue | TargetValueProblem => {
    const keys = Object.keys(node);
    if (state.type === 'parallel') {
      const value: Record<string, StateValue> = {};
      for (const region of Object.keys(state.states ?? {})) {
        const regionPath = [...at, region];
        const inner = node[region];
        if (inner === undefined) {
          const finished = valueAt(sourceValue, regionPath) === REGION_DONE && stateAt(machine, [...regionPath, REGION_DONE]) !== undefined;
          if (!finished) return 'parallel-branch-unmapped';
          value[region] = REGION_DONE;
          continue;
        }
        const regionValue = build(stateAt(machine, regionPath) as StateJson, inner, regionPath);
        if (regionValue === 'duplicate-target' || regionValue === 'parallel-branch-unmapped') return regionValue;
        value[region] = regionValue;
      }
      return value;
    }
    if (keys.length !== 1) return 'duplicate-target';
    const key = keys[0] as string;
    const child = stateAt(machine, [...at, key]) as StateJson;
    const below = node[key] as Tree;
    if (Object.keys(below).length === 0 && child.type !== 'parallel' && child.states === undefined) return key;
    const childValue = build(child, below, [...at, key]);
    if (childValue === 'duplicate-target' || childValue === 'parallel-branch-unmapped') return childValue;
    return { [key]: childValue };
  };
  const value = build(machine, tree, []);
  return value === 'duplicate-target' || value === 'parallel-branch-unmapped' ? { problem: value } : { value };
}
