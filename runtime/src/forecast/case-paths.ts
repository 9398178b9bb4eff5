import { step, type CaseEvent, type CaseInput, type Effect, type MachineConfigJson, type PersistedCaseSnapshot } from '@tongban/engine';

/** One state a case reached: its engine snapshot and the steps already taken from it. */
export interface CasePoint {
  /** Undefined before `case.start`. */
  snapshot: PersistedCaseSnapshot | undefined;
  /** Steps from this state by event key, each computed once. */
  readonly next: Map<string, CaseMove>;
}

/** The engine's answer to one event in one state: the state reached and its effects, or its refusal. */
export type CaseMove = { point: CasePoint; effects: readonly Effect[] } | { refused: string };

/** What identifies an event for the memo (its data is a function of the case, node and outcome). */
function eventKey(event: CaseEvent): string {
  const e = event as Partial<Record<'nodeId' | 'taskId' | 'outcome' | 'returnTo' | 'limit' | 'timerId' | 'serviceId', string>>;
  return `${event.type}\u0000${e.nodeId ?? ''}\u0000${e.taskId ?? ''}\u0000${e.outcome ?? ''}\u0000${e.returnTo ?? ''}\u0000${e.limit ?? ''}\u0000${e.timerId ?? ''}\u0000${e.serviceId ?? ''}`;
}

/**
 * The engine's pure step over the states of one workflow version's cases, memoised: the same event
 * in the same state is stepped once, however many Monte Carlo runs take it. Sound because a step
 * depends only on the machine, the snapshot and the event, and `now` only stamps the snapshot (the
 * effects carry no instants: the forecast counts deadlines on its own virtual clock).
 */
export class CasePaths {
  /** Engine steps computed. */
  steps = 0;

  constructor(
    private readonly machine: MachineConfigJson,
    private readonly now: Date,
  ) {}

  /** The state of a case as persisted now. */
  static pointOf(snapshot: PersistedCaseSnapshot | undefined): CasePoint {
    return { snapshot, next: new Map() };
  }

  /** The engine's answer to `event` in `point`, computed the first time it is asked. */
  follow(point: CasePoint, event: CaseEvent, input?: CaseInput): CaseMove {
    const key = eventKey(event);
    const known = point.next.get(key);
    if (known) return known;
    let move: CaseMove;
    try {
      this.steps += 1;
      const { snapshot, effects } = step(this.machine, point.snapshot, event, this.now, input);
      move = { point: CasePaths.pointOf(snapshot), effects };
    } catch (error) {
      move = { refused: error instanceof Error ? error.message : String(error) };
    }
    point.next.set(key, move);
    return move;
  }
}
