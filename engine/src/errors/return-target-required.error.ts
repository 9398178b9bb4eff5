import { EngineError } from './engine-error.ts';

/** A `return` completion did not say where to, and its task has several return edges. */
export class ReturnTargetRequiredError extends EngineError {
  readonly code = 'return-target-required';
  readonly nodeId: string;
  readonly targets: string[];

  constructor(nodeId: string, targets: string[]) {
    super(`Task '${nodeId}' can return to ${targets.map((t) => `'${t}'`).join(', ')}; the event must name one in 'returnTo'`);
    this.nodeId = nodeId;
    this.targets = targets;
  }
}
