import { EngineError } from './engine-error.ts';

/**
 * Thrown by `compile` when the machine it built names an action or guard that `implementations`
 * does not provide. XState would silently skip such an action (statelyai/xstate#4297), so the
 * compiler refuses instead.
 */
export class MissingImplementationError extends EngineError {
  readonly code = 'missing-implementation';
  readonly kind: 'action' | 'guard';
  readonly implementation: string;
  readonly stateId: string;

  constructor(kind: 'action' | 'guard', implementation: string, stateId: string) {
    super(`State '${stateId}' uses ${kind} '${implementation}', which has no implementation`);
    this.kind = kind;
    this.implementation = implementation;
    this.stateId = stateId;
  }
}
