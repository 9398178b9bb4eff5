import { EngineError } from './engine-error.ts';

/** A `return` completion named a `returnTo` that no return edge of its task leads to. */
export class ReturnTargetNotOfferedError extends EngineError {
  readonly code = 'return-target-not-offered';
  readonly nodeId: string;
  readonly returnTo: string;
  readonly targets: string[];

  constructor(nodeId: string, returnTo: string, targets: string[]) {
    super(
      `Task '${nodeId}' cannot return to '${returnTo}'; it can return to ${targets.map((t) => `'${t}'`).join(', ') || 'no task'}`,
    );
    this.nodeId = nodeId;
    this.returnTo = returnTo;
    this.targets = targets;
  }
}
