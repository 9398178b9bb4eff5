import { createMachine } from 'xstate';
import type { AnyStateMachine } from 'xstate';
import { implementations } from '../compile/implementations.ts';
import type { MachineConfigJson, StateJson, TaskStateMeta } from '../compile/machine-config.types.ts';

/**
 * A compiled machine made runnable, with what the step looks up about its tasks.
 * @internal
 */
export interface LoadedMachine {
  logic: AnyStateMachine;
  /** Meta of every userTask state, by node id, in definition order. */
  tasks: Map<string, TaskStateMeta>;
}

const cache = new WeakMap<MachineConfigJson, LoadedMachine>();

/**
 * The runnable form of `machine`, created once per machine object.
 * @internal
 */
export function loadMachine(machine: MachineConfigJson): LoadedMachine {
  let loaded = cache.get(machine);
  if (!loaded) {
    const tasks = new Map<string, TaskStateMeta>();
    const visit = (state: StateJson): void => {
      if (state.meta?.nodeType === 'userTask' && state.id !== undefined) tasks.set(state.id, state.meta);
      for (const child of Object.values(state.states ?? {})) visit(child);
    };
    visit(machine);
    loaded = { logic: createMachine(machine).provide(implementations), tasks };
    cache.set(machine, loaded);
  }
  return loaded;
}
