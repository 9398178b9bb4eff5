import { EngineError } from './engine-error.ts';

/** A completion chose an outcome its task does not offer. */
export class OutcomeNotOfferedError extends EngineError {
  readonly code = 'outcome-not-offered';
  readonly nodeId: string;
  readonly outcome: string;
  readonly offered: string[];

  constructor(nodeId: string, outcome: string, offered: string[]) {
    super(`Task '${nodeId}' does not offer outcome '${outcome}'; it offers ${offered.map((o) => `'${o}'`).join(', ')}`);
    this.nodeId = nodeId;
    this.outcome = outcome;
    this.offered = offered;
  }
}
