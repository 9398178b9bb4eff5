import { step, type CaseEvent, type CaseInput, type Effect, type MachineConfigJson, type PersistedCaseSnapshot } from '@tongban/engine';

/** The fields that identify an event for the memo (its data is a function of the case, node and outcome). */
type EventFields = Partial<Record<'nodeId' | 'taskId' | 'outcome' | 'returnTo' | 'limit' | 'timerId' | 'serviceId', string>>;

/** One step taken from a state: the event's identifying fields ('' for one it lacks) and the engine's answer. */
interface KnownStep {
  type: string;
  nodeId: string;
  taskId: string;
  outcome: string;
  returnTo: string;
  limit: string;
  timerId: string;
  serviceId: string;
  move: CaseMove;
}

/** One state a case reached: its engine snapshot and the steps already taken from it. */
export interface CasePoint {
  /** Undefined before `case.start`. */
  snapshot: PersistedCaseSnapshot | undefined;
  /** Steps from this state, each computed once (a state has few, so they are searched in order). */
  readonly next: KnownStep[];
}

/** The engine's answer to one event in one state: the state reached and its effects, or its refusal. */
export type CaseMove = { point: CasePoint; effects: readonly Effect[] } | { refused: string };

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
    return { snapshot, next: [] };
  }

  /**
   * The engine's answer to `event` in `point`, computed the first time it is asked. An event is
   * known by its type, node, task, outcome, return target, limit, timer and service; what it
   * carries besides (a decision's form) is added by `complete`, called only when the step is
   * computed.
   */
  follow(point: CasePoint, event: CaseEvent, input?: CaseInput, complete?: (event: CaseEvent) => CaseEvent): CaseMove {
    const e = event as EventFields;
    const nodeId = e.nodeId ?? '';
    const taskId = e.taskId ?? '';
    const outcome = e.outcome ?? '';
    const returnTo = e.returnTo ?? '';
    const limit = e.limit ?? '';
    const timerId = e.timerId ?? '';
    const serviceId = e.serviceId ?? '';
    for (const known of point.next) {
      if (
        known.taskId === taskId &&
        known.outcome === outcome &&
        known.type === event.type &&
        known.nodeId === nodeId &&
        known.returnTo === returnTo &&
        known.limit === limit &&
        known.timerId === timerId &&
        known.serviceId === serviceId
      ) {
        return known.move;
      }
    }
    const stepped = complete ? complete(event) : event;
    let move: CaseMove;
    try {
      this.steps += 1;
      const { snapshot, effects } = step(this.machine, point.snapshot, stepped, this.now, input);
      move = { point: CasePaths.pointOf(snapshot), effects };
    } catch (error) {
      move = { refused: error instanceof Error ? error.message : String(error) };
    }
    point.next.push({ type: event.type, nodeId, taskId, outcome, returnTo, limit, timerId, serviceId, move });
    return move;
  }
}
