import { offeredOutcomes } from '@tongban/engine';
import type { UserTask, WorkflowEdge } from '@tongban/engine';
import type { SeededRandom } from './seeded-random.ts';

/** How often simulated clerks decide other than `approve`, per decision, each 0–1. */
export interface DecisionRates {
  /** 退回: `return` to an earlier task, and designer-named outcomes that send the case round a loop (e.g. 责令整改 `rectify`). */
  returnRate: number;
  /** 不予受理 / 不予许可: `reject`. */
  rejectRate: number;
  /** 一次性告知补正: `requestSupplement`. */
  supplementRate: number;
}

/** What the case has done at the node before, which bounds the loops a clerk starts. */
export interface DecisionHistory {
  /** The node has not yet returned the case or sent it round a loop: it may now. */
  mayLoop: boolean;
  /** The node has not yet asked this case for a supplement: it may now (补正 is asked once, 一次性告知). */
  maySupplement: boolean;
}

/** A clerk's decision before its form is filled: the outcome and, for a return with several targets, which. */
export interface OutcomeChoice {
  outcome: string;
  returnTo?: string;
}

const BUILT_IN = new Set(['approve', 'reject', 'return', 'requestSupplement']);

/** The outcomes each node offers, worked out once per node (a forecast draws millions of decisions). */
const offeredByNode = new WeakMap<UserTask, readonly string[]>();

function offeredBy(node: UserTask): readonly string[] {
  let offered = offeredByNode.get(node);
  if (!offered) {
    offered = offeredOutcomes(node);
    offeredByNode.set(node, offered);
  }
  return offered;
}

/**
 * Draws a clerk's outcome for a task of `node` among the outcomes it offers: first each outcome
 * of `shares` (the workflow's simulation profile for this node: outcome id → share 0–1) in turn,
 * a supplement only once per node and case and any other outcome but `approve` and `reject` only
 * while the node may loop; then `requestSupplement`
 * at `supplementRate` (once per node and case), `reject` at `rejectRate`, `return` and each
 * designer-named outcome at `returnRate` (once per node and case), else `approve` (or, for a node
 * without it, its first outcome that is none of the built-in ones). A return to one of several
 * earlier tasks names one of them in `returnTo`.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function chooseOutcome(
  random: SeededRandom,
  node: UserTask,
  edges: readonly WorkflowEdge[],
  rates: DecisionRates,
  history: DecisionHistory,
  shares: Readonly<Record<string, number>> = {},
): OutcomeChoice {
  const offered = offeredBy(node);
  for (const [outcome, share] of Object.entries(shares)) {
    if (!offered.includes(outcome)) continue;
    const allowed = outcome === 'requestSupplement' ? history.maySupplement : outcome === 'approve' || outcome === 'reject' || history.mayLoop;
    if (allowed && random.chance(share)) return choiceOf(random, node, edges, outcome);
  }
  if (offered.includes('requestSupplement') && history.maySupplement && random.chance(rates.supplementRate)) return { outcome: 'requestSupplement' };
  if (offered.includes('reject') && random.chance(rates.rejectRate)) return { outcome: 'reject' };
  if (history.mayLoop) {
    if (offered.includes('return') && !('return' in shares) && random.chance(rates.returnRate)) return choiceOf(random, node, edges, 'return');
    for (const outcome of offered) {
      if (!BUILT_IN.has(outcome) && !(outcome in shares) && random.chance(rates.returnRate)) return { outcome };
    }
  }
  if (offered.includes('approve')) return { outcome: 'approve' };
  return { outcome: offered.find((outcome) => !BUILT_IN.has(outcome)) ?? (offered[0] as string) };
}

/** The choice of `outcome`; a return to one of several earlier tasks names one of them. */
function choiceOf(random: SeededRandom, node: UserTask, edges: readonly WorkflowEdge[], outcome: string): OutcomeChoice {
  if (outcome !== 'return') return { outcome };
  const targets = edges.filter((edge) => edge.source === node.id && edge.outcome === 'return').map((edge) => edge.target);
  return targets.length > 1 ? { outcome: 'return', returnTo: random.pick(targets) } : { outcome: 'return' };
}
