import { EngineError } from './engine-error.ts';

/**
 * A `timer.fired` names a timer the case no longer waits for: cancelled (what it waited for
 * happened first), fired already, or never scheduled for that node. A host may drop the event.
 */
export class TimerNotPendingError extends EngineError {
  readonly code = 'timer-not-pending';
  readonly timerId: string;
  readonly nodeId: string;

  constructor(timerId: string, nodeId: string) {
    super(`Timer '${timerId}' of node '${nodeId}' is not pending`);
    this.timerId = timerId;
    this.nodeId = nodeId;
  }
}
