import type { StateJson } from '../compile/machine-config.types.ts';

/**
 * The keys from the machine's root down to the state whose id is `id`, or undefined when no state
 * has it.
 *
 * Pure: performs no I/O.
 */
export function statePath(root: StateJson, id: string): string[] | undefined {
  for (const [key, child] of Object.entries(root.states ?? {})) {
    if (child.id === id) return [key];
    const below = statePath(child, id);
    if (below !== undefined) return [key, ...below];
  }
  return undefined;
}

/** The state at `path` under `root`, or undefined. */
export function stateAt(root: StateJson, path: readonly string[]): StateJson | undefined {
  let state: StateJson | undefined = root;
  for (const key of path) state = state?.states?.[key];
  return state;
}

/** The part of a state value at `path` (a key of a compound state's string value matches too). */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current === 'string') return current === key ? {} : undefined;
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
