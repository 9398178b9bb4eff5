import { MissingImplementationError } from '../errors/index.ts';
import { implementations } from './implementations.ts';
import type { MachineConfigJson, StateJson, TransitionJson } from './machine-config.types.ts';

/**
 * Throws `MissingImplementationError` for the first action or guard that `machine` names and
 * `implementations` lacks (XState would skip it silently, statelyai/xstate#4297).
 * @internal
 */
export function checkImplementations(machine: MachineConfigJson): void {
  const actions: Record<string, unknown> = implementations.actions;
  const guards: Record<string, unknown> = implementations.guards;
  const visit = (state: StateJson, stateId: string): void => {
    const transitions: TransitionJson[] = [
      ...Object.values(state.on ?? {}).flat(),
      ...(state.always ?? []),
      ...(state.onDone ? [state.onDone] : []),
    ];
    const actionRefs = [...(state.entry ?? []), ...(state.exit ?? []), ...transitions.flatMap((t) => t.actions ?? [])];
    for (const action of actionRefs) {
      if (!(action.type in actions)) throw new MissingImplementationError('action', action.type, stateId);
    }
    for (const transition of transitions) {
      if (transition.guard && !(transition.guard.type in guards)) {
        throw new MissingImplementationError('guard', transition.guard.type, stateId);
      }
    }
    for (const [key, child] of Object.entries(state.states ?? {})) visit(child, child.id ?? `${stateId}.${key}`);
  };
  visit(machine, machine.id);
}
