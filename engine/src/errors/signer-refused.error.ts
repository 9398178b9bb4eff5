import { EngineError } from './engine-error.ts';

/**
 * Which rule of added signers (加签) and their removal (减签) an event broke:
 * - `not-countersign`: the node is no multi-instance task (会签);
 * - `no-signers`: an addition named nobody;
 * - `already-signer`: an addition named someone already on the node (removed ones excepted).
 */
export type SignerRule = 'not-countersign' | 'no-signers' | 'already-signer';

/** A `task.addSigners` or `task.removeSigner` the rules of signers refuse. */
export class SignerRefusedError extends EngineError {
  readonly code = 'signer-refused';
  readonly nodeId: string;
  readonly rule: SignerRule;

  /** @param detail one clause saying what is wrong, quoting the ids involved. */
  constructor(nodeId: string, rule: SignerRule, detail: string) {
    super(`Signers of task '${nodeId}' not changed: ${detail}`);
    this.nodeId = nodeId;
    this.rule = rule;
  }
}
