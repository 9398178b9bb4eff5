import { MissingImplementationError } from '../errors/index.ts';
import { implementations } from './implementations.ts';
import type { ActionRef, MachineConfigJson, StateJson, TransitionJson } from './machine-config.types.ts';

/**
 * Throws `MissingImplementationError` for the first action or guard that `machine` names and
 * `implementations` lacks (XState would skip it silently, statelyai/xstate#4297).
 * @internal
 */
export function checkImplementations(machine: MachineConfigJson): void {
  const actions: Record<string, unknown> = implementations.actions;
  const guards: Record<string, unknown> = implementations.guards;
  const checkAction = (action: ActionRef, stateId: string): void => {
    if (!(action.type in actions)) throw new MissingImplementationError('action', action.type, stateId);
  };
  const checkTransition = (transition: TransitionJson, stateId: string): void => {
    if (transition.guard && !(transition.guard.type in guards)) {
      throw new MissingImplementationError('guard', transition.guard.type, stateId);
    }
    for (const action of transition.actions ?? []) checkAction(action, stateId);
  };
  const visit = (state: StateJson, stateId: string): void => {
    for (const action of state.entry ?? []) checkAction(action, stateId);
    for (const action of state.exit ?? []) checkAction(action, stateId);
    for (const eventType in state.on) {
      for (const transition of state.on[eventType] ?? []) checkTransition(transition, stateId);
    }
    for (const transition of state.always ?? []) checkTransition(transition, stateId);
    if (state.onDone) checkTransition(state.onDone, stateId);
    for (const key in state.states) {
      const child = state.states[key] as StateJson;
      visit(child, child.id ?? `${stateId}.${key}`);
    }
  };
  visit(machine, machine.id);
}
