import type { CaseContext } from './case-context.ts';

/** The key of the final state that ends each branch of a parallel block. */
export const REGION_DONE = '@done';

/**
 * The key of the transient state an inclusive branch starts in: it enters the branch when the
 * branch's condition holds and goes to `REGION_DONE` otherwise. A case never rests in it.
 */
export const REGION_GATE = '@when';

/**
 * The final state a case withdrawn by its applicant (`case.withdraw`) ends in, outside every node
 * of the definition; `completeCase` names it as the case's last node.
 */
export const WITHDRAWN_STATE = '@withdrawn';

/** The result of a case its applicant withdrew. */
export const WITHDRAWN_RESULT = 'withdrawn';

/** A JSON value: what survives `JSON.parse(JSON.stringify(x))` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An action referenced by name, with JSON params: `{ type: 'createTask', params: { nodeId: 'review' } }`. */
export interface ActionRef {
  type: string;
  params?: { [key: string]: JsonValue };
}

/** A guard referenced by name, with JSON params: `{ type: 'feel', params: { expression: 'seats > 50' } }`. */
export interface GuardRef {
  type: string;
  params?: { [key: string]: JsonValue };
}

/** One XState transition. A `target` starting with `#` names a state id; others name a sibling state. */
export interface TransitionJson {
  target?: string | string[];
  guard?: GuardRef;
  actions?: ActionRef[];
  reenter?: boolean;
}

/** What the step needs to know about a userTask state, kept in its `meta`. */
export interface TaskStateMeta {
  nodeType: 'userTask';
  /** Outcome ids the task offers, in the designer's order. */
  outcomes: string[];
  /** Targets of its return edges, in edge order. */
  returnTargets: string[];
  /** Whether a `slaBreach` edge leaves it. */
  slaBreach: boolean;
  /** The outcomes that need a reason (absent: none does). */
  reasonRequired?: string[];
  /** The form field that holds the reason of an outcome, by outcome id (absent: none). */
  reasonFields?: { [outcome: string]: string };
  /** The extension the task allows (absent: none). */
  extension?: { approverRole: string; cap: { amount: number; unit: string } };
}

/** Marks the state of a node that is not a userTask but waits for the host (a service task, a timer, a sub-case). */
export interface ActivityStateMeta {
  nodeType: 'serviceTask' | 'timerEvent' | 'callActivity';
}

/** One XState state node config, as plain JSON. */
export interface StateJson {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  states?: { [key: string]: StateJson };
  entry?: ActionRef[];
  exit?: ActionRef[];
  on?: { [eventType: string]: TransitionJson[] };
  always?: TransitionJson[];
  onDone?: TransitionJson;
  output?: { [key: string]: JsonValue };
  meta?: TaskStateMeta | ActivityStateMeta;
}

/**
 * A compiled workflow: an XState v5 machine config as plain JSON, with every action and guard
 * referenced by name. Run it with `createMachine(machine).provide(implementations)`.
 */
export interface MachineConfigJson extends StateJson {
  id: string;
  version: string;
  initial: string;
  context: CaseContext;
  options: { maxIterations: number };
  states: { [key: string]: StateJson };
}
