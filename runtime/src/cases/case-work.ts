import type { CaseEvent, Effect, FeelEvaluator } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { CaseRow, TaskRow } from '../db/schema/index.ts';
import type { DefinitionStore, PublishedDefinition } from '../definitions/definition-store.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { OutboxMessage } from '../outbox/outbox-message.ts';
import type { TimerContext } from '../timers/timer-book.ts';
import type { Tx } from './transaction.ts';

/**
 * What an effect handler (service invocations, sub-cases, escalations, reminders, extensions) may
 * do with the unit of work it runs in: the side of `CaseUnit` the handlers see, so that their
 * modules never import the unit that calls them.
 */
export interface CaseWork {
  /** The case as it stands in this unit (changes applied). */
  readonly case: CaseRow;
  /** The instant this unit runs at. */
  readonly now: Date;
  /** The transaction of this unit. */
  readonly tx: Tx;
  /** The user (or API key) the audit events are attributed to; null for the system. */
  readonly actorId: string | null;
  /** The organisation tasks are routed in. */
  readonly organisation: Organisation;
  /** Every business calendar, by key (a sub-case's year of filing is read on its own). */
  readonly calendars: CalendarBook;
  /** The published definitions. */
  readonly definitions: DefinitionStore;
  /** The evaluator of the step's FEEL (a sub-case starts with it too). */
  readonly feel: FeelEvaluator;
  /** The unit of the parent case, when this is a sub-case its parent started in the same transaction. */
  readonly parentUnit?: CaseWork | undefined;
  /** Changes columns of the case row (written when the unit is saved). */
  update(changes: Partial<CaseRow>): void;
  /** Appends an audit event. */
  record(type: string, payload: Record<string, unknown>, taskId?: string | null): void;
  /** Queues an outbox message for dispatch after commit. */
  send(message: OutboxMessage): void;
  /** Runs the engine step for `event` and carries out its effects. */
  step(event: CaseEvent): Promise<Effect[]>;
  /** Carries out effects in order. */
  apply(effects: readonly Effect[]): Promise<void>;
  /** The task row of activation `activationId` of this case. */
  task(activationId: string): Promise<TaskRow>;
  /** The timer book's view of this unit. */
  timerContext(): TimerContext;
  /** Writes a notification of `kind` addressed to the department of `task`. */
  notifyDepartment(task: TaskRow, kind: string, message: string, payload: Record<string, unknown>): Promise<void>;
  /** A unit for another case in this transaction, saved with this one. */
  relatedUnit(definition: PublishedDefinition, row: CaseRow, parentUnit?: CaseWork): CaseWork;
}
