import { Queue, QueueEvents } from 'bullmq';
import { sql } from 'drizzle-orm';
import type { CalendarYear, StandaloneExport } from '@tongban/engine';
import { advanceClock, type ClockAdvance, type FiredTimer } from './clock/advance-clock.ts';
import type { CalendarBook } from './calendars/calendar-book.ts';
import { CachedLoad, ChangeFeed, changeTopics, type ChangeTopic } from './caches/index.ts';
import { CalendarsService, type CalendarInput, type CalendarView, type RecountSummary } from './calendars/calendars.service.ts';
import { loadCalendarBook } from './calendars/load-calendar-book.ts';
import type { Clock } from './clock/clock.ts';
import { CaseExecutor } from './cases/case-executor.ts';
import { CaseOperationsService, type ResumeInput, type SuspendInput, type WithdrawInput } from './cases/case-operations.service.ts';
import type { CaseDetail, CaseView, Page, PageRequest } from './cases/case-views.ts';
import type { PublicCaseView } from './cases/public-case-view.ts';
import { CasesService, type CaseFilters, type CreateCaseInput, type SupplementInput } from './cases/cases.service.ts';
import type { Db } from './db/client.ts';
import type { CaseCopyRow, Jurisdiction, TaskRow } from './db/schema/index.ts';
import { CaseMigrationService, type MigrationInput, type MigrationReport } from './case-migration/index.ts';
import { DefinitionStore } from './definitions/definition-store.ts';
import {
  getDefinitionVersion,
  getStandaloneExport,
  getXstateExport,
  listDefinitions,
  listDefinitionVersions,
  publishDefinition,
  validateDefinitionInput,
  type DefinitionListItem,
  type DefinitionVersionDetail,
  type DefinitionVersionSummary,
  type PublishOptions,
  type PublishedVersion,
  type XstateExport,
} from './definitions/definitions.service.ts';
import { BoundedFeelEvaluator, type FeelBudget } from './feel/bounded-feel-evaluator.ts';
import { IncidentsService, type IncidentFilters, type IncidentView } from './incidents/incidents.service.ts';
import { ForecastPool, ForecastService, type ForecastAnswer, type ForecastBudget, type ForecastRequest } from './forecast/index.ts';
import { MonitorService, type Escalation, type MonitorListFilters, type MonitorLoad, type MonitoredTask, type NodeHeat, type SeriesDay, type SeriesRange } from './monitor/monitor.service.ts';
import { loadOrganisation } from './organisation/load-organisation.ts';
import type { Organisation } from './organisation/organisation.ts';
import type { Viewer } from './organisation/viewer.ts';
import { ConflictError } from './errors/index.ts';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.ts';
import { QueueRecovery, type LateBy } from './queues/queue-recovery.ts';
import { createRedisConnection, redisReady } from './queues/redis-connection.ts';
import { isClusterUrl } from './queues/redis-address.ts';
import { SERVICE_QUEUE_NAME, ServiceQueue, type ServiceJobData } from './queues/service-queue.ts';
import { TIMER_QUEUE_NAME, TimerQueue, type TimerJobData } from './queues/timer-queue.ts';
import { WorkerHost, type WorkerStopReport } from './queues/worker-host.ts';
import { DEFAULT_WEBHOOK_ATTEMPTS, DEFAULT_WEBHOOK_BACKOFF_MS, WEBHOOK_QUEUE_NAME, WebhookQueue, type WebhookJobData, type WebhookRetry } from './queues/webhook-queue.ts';
import { DEFAULT_WEBHOOK_TIMEOUT_MS, deliverWebhook } from './webhooks/deliver-webhook.ts';
import { createEgressDispatcher, EgressPolicy } from './egress/index.ts';
import { previewReturn, type ReturnPreview } from './tasks/return-preview.ts';
import { NotificationsService, type UserNotificationPage } from './notifications/notifications.service.ts';
import { WebhooksService, type SubscribeInput, type WebhookDeliveryView, type WebhookSubscriptionView } from './webhooks/webhooks.service.ts';
import type { QueueJobCounts, StepObserver } from './metrics/tongban-metrics.ts';
import type { RuntimeLogger } from './runtime-logger.ts';
import { TaskExtensionsService, type ExtensionRefusalInput, type ExtensionRequestInput } from './tasks/task-extensions.service.ts';
import { CaseUrgesService, type UrgeResult } from './cases/case-urges.service.ts';
import { TaskCopiesService, type CopyItem } from './tasks/task-copies.service.ts';
import { TaskSignersService, type SignersResult } from './tasks/task-signers.service.ts';
import { TaskWithdrawalService, type WithdrawResult } from './tasks/task-withdrawal.service.ts';
import { TaskOperationsService, type HandOffTarget, type ReassignResult, type TaskComment, type TaskDetail } from './tasks/task-operations.service.ts';
import { TasksService, type CompleteTaskInput, type CompleteTaskResult, type DoneTask, type InboxFilters, type TaskWithCaseNumber, type InboxItem } from './tasks/tasks.service.ts';
import type { ServiceHandler } from './service-tasks/service-handler.ts';
import { deliverOutcome } from './service-tasks/invocation-book.ts';
import type { RegisteredService, ServiceDescription } from './service-tasks/service-description.ts';
import { builtInServices, ServiceRegistry } from './service-tasks/service-registry.ts';
import { defaultCaseNumberPrefix } from './cases/case-number.ts';
import { ServiceRunner, type AttemptResult } from './service-tasks/service-runner.ts';
import { fireTimer, type FireResult } from './timers/fire-timer.ts';

export type { RuntimeLogger } from './runtime-logger.ts';
export type { WorkerStopReport } from './queues/worker-host.ts';

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
  db: Db;
  /** One Redis server (`redis://…`) or a Redis Cluster (`redis+cluster://host:port,…`): `parseRedisUrl`. */
  redisUrl: string;
  /** BullMQ key prefix; default `tongban`, on a Redis Cluster `{tongban}` (its hash tag keeps each queue's keys in one slot). */
  queuePrefix?: string;
  clock: Clock;
  logger?: RuntimeLogger;
  /** How often the sweeper re-dispatches the outbox and re-arms late timers, ms. Default 5 000. */
  sweepIntervalMs?: number;
  /** How often the workers check that Redis still holds their queues (a flush, a restart), ms. Default 1 000. */
  redisCheckIntervalMs?: number;
  /** Timer jobs processed at once per worker. Default 4. */
  workerConcurrency?: number;
  /** Lock and stall-check period of the timer and service workers, ms (tests shorten it). Default 30 000. */
  workerLockMs?: number;
  /**
   * Service handlers by the name a serviceTask names, besides (or replacing) the built-in
   * `verify-business-licence`, `issue-e-licence` and `http-call`; given with its description and
   * parameters, `GET /services` lists them for the designer.
   */
  services?: Readonly<Record<string, ServiceHandler | RegisteredService>>;
  /** Longest a service attempt may run, ms. Default 60 000. */
  serviceAttemptTimeoutMs?: number;
  /**
   * The budget of one FEEL evaluation (a gateway condition, a multi-instance collection), run in a
   * worker thread: default 1 000 ms and a 64 MiB heap (`DEFAULT_FEEL_BUDGET`).
   */
  feelBudget?: FeelBudget;
  /**
   * What forecasts may take, computed in worker threads: how many at once, how long and how much
   * heap each (`DEFAULT_FORECAST_BUDGET`: half the cores, 60 s, 1 GiB).
   */
  forecastBudget?: ForecastBudget;
  /** Receives the duration of every case step (the process's metrics). */
  steps?: StepObserver;
  /** Attempts of a webhook delivery and the delay before its first retry (doubling after). Default 8 and 10 000 ms. */
  webhookRetry?: Partial<WebhookRetry>;
  /** Longest one webhook attempt may take, ms. Default 10 000. */
  webhookTimeoutMs?: number;
  /**
   * Private hosts webhooks may reach all the same (`TONGBAN_WEBHOOK_ALLOWED_HOSTS`): host names,
   * IP addresses and CIDR ranges of a city's internal network, or a test receiver. Default none:
   * only public addresses (`EgressPolicy`).
   */
  webhookAllowedHosts?: readonly string[];
  /**
   * Private hosts the built-in `http-call` may reach all the same (`TONGBAN_SERVICE_ALLOWED_HOSTS`):
   * host names, IP addresses and CIDR ranges of a city's internal systems, or a test receiver.
   * Default none: only public addresses (`EgressPolicy`).
   */
  serviceAllowedHosts?: readonly string[];
  /** The prefix of the case numbers drawn (`SH-2026-000123`): 1–8 capital letters. Default `SH`. */
  caseNumberPrefix?: string;
}

/** The running system: services the HTTP API calls, and the workers. */
export interface Runtime {
  readonly db: Db;
  readonly clock: Clock;

  validateDefinitionInput(input: unknown): { diagnostics: ReturnType<typeof validateDefinitionInput>['diagnostics'] };
  publishDefinition(input: unknown, options: Pick<PublishOptions, 'publishedBy' | 'baseVersion' | 'changeNote'>): Promise<PublishedVersion>;
  listDefinitions(): Promise<DefinitionListItem[]>;
  listDefinitionVersions(key: string): Promise<DefinitionVersionSummary[]>;
  getDefinitionVersion(key: string, version: number | 'latest'): Promise<DefinitionVersionDetail>;
  getXstateExport(key: string, version: number | 'latest'): Promise<XstateExport>;
  /** The version as an ES module that runs in plain XState with only `xstate` and `feelin`, and its README. */
  getStandaloneExport(key: string, version: number | 'latest'): Promise<StandaloneExport>;
  /** What moving running cases of a version to a later one by a node mapping would do, changing nothing. */
  planCaseMigration(input: MigrationInput): Promise<MigrationReport>;
  /** Moves them: each case in its own transaction with its row locked, recorded in its audit trail. */
  applyCaseMigration(input: MigrationInput, actorId: string | null): Promise<MigrationReport>;
  /** The service handlers a serviceTask can name, with their parameters. */
  listServices(): ServiceDescription[];

  createCase(input: CreateCaseInput): Promise<{ case: CaseView; created: boolean }>;
  getCase(caseId: string, viewer: Viewer): Promise<CaseDetail>;
  listCases(viewer: Viewer, filters?: CaseFilters): Promise<Page<CaseView>>;
  supplementCase(caseId: string, input: SupplementInput, actor: Viewer): Promise<CaseView>;
  /** The public face of a case, for the intake API key that filed it (or a user who reads it). */
  getPublicCase(caseId: string, viewer: Viewer): Promise<PublicCaseView>;
  /** The applicant withdraws the application: open tasks close, the case ends `withdrawn`. */
  withdrawCase(caseId: string, input: WithdrawInput, actor: Viewer): Promise<CaseView>;
  /** Suspends the case for a period the law does not count: every clock pauses. */
  suspendCase(caseId: string, input: SuspendInput, viewer: Viewer): Promise<CaseView>;
  /** Ends such a suspension: every paused clock runs on with the time it had left. */
  resumeCase(caseId: string, input: ResumeInput, viewer: Viewer): Promise<CaseView>;

  listInbox(viewer: Viewer, filters?: InboxFilters): Promise<Page<InboxItem>>;
  claimTask(taskId: string, viewer: Viewer): Promise<TaskRow>;
  completeTask(taskId: string, viewer: Viewer, input: CompleteTaskInput): Promise<CompleteTaskResult>;
  /** The task's clerk asks for its statutory limit to run longer (before the deadline, with a reason). */
  requestExtension(taskId: string, viewer: Viewer, input: ExtensionRequestInput): Promise<TaskRow>;
  /** A user holding the role the definition names approves it: the deadline moves. */
  approveExtension(taskId: string, viewer: Viewer): Promise<TaskRow>;
  /** Such a user refuses it, with a reason the clerk is told: the deadline stays. */
  refuseExtension(taskId: string, viewer: Viewer, input: ExtensionRefusalInput): Promise<TaskRow>;
  /** One task with its comments, for a reader of its case, its assignee or delegatee, or a user it was copied to. */
  getTask(taskId: string, viewer: Viewer): Promise<TaskDetail>;
  /** Tasks the viewer completed or handed on (已办), most recent first. */
  listDone(viewer: Viewer, page?: PageRequest): Promise<Page<DoneTask>>;
  /** The other open tasks a return of the task would cancel (parallel work), for the clerk's warning. */
  previewReturn(taskId: string, viewer: Viewer, input: { returnTo?: string | undefined }): Promise<ReturnPreview>;
  /** 撤回: the clerk who completed a task takes it back while the tasks it opened are untouched. */
  withdrawTask(taskId: string, viewer: Viewer, input?: { reason?: string }): Promise<WithdrawResult>;
  /** Gives a claimed task back to its department's queue. */
  unclaimTask(taskId: string, viewer: Viewer, input?: { reason?: string }): Promise<TaskRow>;
  /** Transfers a task (转办) to a user or a department, with a reason. */
  transferTask(taskId: string, viewer: Viewer, input: HandOffTarget): Promise<TaskRow>;
  /** Delegates a task (委派), with a reason: the delegatee may only resolve it back. */
  delegateTask(taskId: string, viewer: Viewer, input: { assigneeId: string; reason: string }): Promise<TaskRow>;
  /** The delegatee resolves a delegated task back to its owner, with their opinion. */
  resolveTask(taskId: string, viewer: Viewer, input: { comment: string }): Promise<TaskRow>;
  /** Adds a comment (审批意见) to an open task. */
  commentOnTask(taskId: string, viewer: Viewer, input: { text: string }): Promise<TaskComment>;
  /** Copies a task's case (抄送) to users who only read it. */
  copyTask(taskId: string, viewer: Viewer, input: { userIds: string[]; reason?: string }): Promise<CaseCopyRow[]>;
  /** The copies sent to the viewer (抄送我的), with a read flag. */
  listCopies(viewer: Viewer, filters?: PageRequest & { unread?: boolean }): Promise<Page<CopyItem>>;
  /** Marks a copy sent to the viewer read. */
  markCopyRead(copyId: number, viewer: Viewer): Promise<CaseCopyRow>;
  /** Urges the current handlers of a case (催办), at most once an hour per caller. */
  urgeCase(caseId: string, viewer: Viewer, input?: { message?: string }): Promise<UrgeResult>;
  /** 加签: the handler of a countersignature's instance adds signers, with a reason. */
  addSigners(taskId: string, viewer: Viewer, input: { signers: string[]; reason: string; position?: 'before' | 'after' }): Promise<SignersResult>;
  /** 减签: the user who added an instance, or a manager, removes it, with a reason; the node's completion is checked again. */
  removeSigner(taskId: string, viewer: Viewer, input: { reason: string }): Promise<SignersResult>;
  /** A manager reassigns tasks in bulk within their scope, with a reason; the result per task. */
  reassignTasks(viewer: Viewer, input: HandOffTarget & { taskIds: string[] }): Promise<ReassignResult[]>;
  /** Open tasks whose extension awaits the viewer's approval. */
  listExtensionRequests(viewer: Viewer, page?: PageRequest): Promise<Page<TaskWithCaseNumber>>;

  listOverdue(viewer: Viewer, filters?: MonitorListFilters): Promise<Page<MonitoredTask>>;
  listAtRisk(viewer: Viewer, filters?: MonitorListFilters): Promise<Page<MonitoredTask>>;
  listEscalations(viewer: Viewer, page?: PageRequest): Promise<Page<Escalation>>;
  /** Per-department load and handling times, and handling times per district. */
  monitorLoad(viewer: Viewer): Promise<MonitorLoad>;
  /** Per-node figures of workflow `key` version `version`. */
  nodeHeat(viewer: Viewer, key: string, version: number): Promise<{ nodes: Record<string, NodeHeat> }>;
  /** Created, decided, open, met and breached tasks per local day. */
  dailySeries(viewer: Viewer, range?: SeriesRange): Promise<{ days: SeriesDay[] }>;
  /** A manager's forecast of breaches in their jurisdiction, as things are and under a what-if; reads only. */
  forecast(viewer: Viewer, request: ForecastRequest): Promise<ForecastAnswer>;

  /** The viewer's notifications (消息), newest first, with the unread count. */
  listNotifications(viewer: Viewer, filters?: PageRequest & { unread?: boolean }): Promise<UserNotificationPage>;
  /** Marks one of the viewer's notifications read. */
  markNotificationRead(viewer: Viewer, id: number): Promise<{ id: number; readAt: Date }>;
  /** Marks every unread notification of the viewer read. */
  markAllNotificationsRead(viewer: Viewer): Promise<{ marked: number }>;

  /** Subscribes a webhook of the caller's intake API key to events of the cases it filed. */
  subscribeWebhook(viewer: Viewer, input: SubscribeInput): Promise<WebhookSubscriptionView>;
  /** The caller's API key's webhooks. */
  listWebhooks(viewer: Viewer): Promise<WebhookSubscriptionView[]>;
  /** Deletes one of them. */
  deleteWebhook(viewer: Viewer, id: string): Promise<void>;
  /** One of them's deliveries, newest first: status, attempts, last error. */
  listWebhookDeliveries(viewer: Viewer, id: string, page?: PageRequest): Promise<Page<WebhookDeliveryView>>;

  /** Incidents of cases in the viewer's scope (managers and admins), newest first. */
  listIncidents(viewer: Viewer, filters?: IncidentFilters): Promise<Page<IncidentView>>;
  /** Invokes an open incident's service anew (a new invocation); resolved when it succeeds. */
  retryIncident(incidentId: string, viewer: Viewer): Promise<IncidentView>;

  /**
   * Moves a virtual clock, firing what comes due; moves are serialised. Needs the workers
   * running (ConflictError `workers-stopped`); ClockNotVirtualError on the system clock.
   */
  advanceClock(request: ClockAdvance): Promise<{ now: Date; fired: FiredTimer[] }>;
  /** Fires one timer (what a timer job does). */
  fireTimer(timerId: string): Promise<FireResult>;
  /** Runs one attempt of a service invocation and records its outcome (what a services job does). */
  runServiceAttempt(invocationId: string, attempt: number): Promise<AttemptResult>;
  /** Queues a job for every queued service attempt, or those queued `lateByMs` ago (after Redis lost them); returns how many. */
  requeueInvocations(options?: LateBy): Promise<number>;
  /** Dispatches outbox rows left behind; returns how many. */
  sweepOutbox(): Promise<number>;
  /** Arms a delayed job for every pending timer row, or those due `lateByMs` ago (real clock only); returns how many. */
  rearmTimers(options?: LateBy): Promise<number>;
  /** Resolves when PostgreSQL answers a query; rejects with the driver's error. */
  pingDatabase(): Promise<void>;
  /** Resolves when Redis answers `PING` on the producer connection; rejects at once when it is away. */
  pingRedis(): Promise<void>;
  /** Jobs in the timer and service queues by BullMQ state (the whole system: every process shares them). */
  queueJobCounts(): Promise<QueueJobCounts>;
  /** Reads the organisation again (after it is re-seeded). */
  reloadOrganisation(): Promise<void>;

  /** Every business calendar: built-in, stored, overrides. */
  listCalendars(): Promise<CalendarView[]>;
  getCalendar(key: string): Promise<CalendarView>;
  /** Creates or replaces a stored calendar or override; recounts the deadlines counted on it. */
  putCalendar(key: string, input: CalendarInput, viewer: Viewer): Promise<{ calendar: CalendarView; recount: RecountSummary }>;
  /** Loads a year's holiday notice into a calendar; recounts the deadlines counted on it. */
  putCalendarNotice(key: string, year: number, notice: CalendarYear, viewer: Viewer): Promise<{ calendar: CalendarView; recount: RecountSummary }>;
  /** Names the calendar a jurisdiction's new cases are counted on (null: its parent's). */
  setJurisdictionCalendar(jurisdictionId: string, calendarKey: string | null): Promise<Jurisdiction>;
  /** Recounts every case whose live deadlines are provisional, on the calendars as they are now. */
  recountProvisional(): Promise<RecountSummary>;

  /**
   * Starts the timer and service workers of this process ({@link WorkerHost}): recounts provisional
   * deadlines on the calendars as they are now, re-arms every pending timer, re-queues every queued
   * service attempt, sweeps the outbox, starts the sweeper and the watch for a Redis come back empty.
   */
  startWorkers(): Promise<void>;
  /** True while this process's workers run. */
  workersRunning(): boolean;
  /**
   * Stops this process's workers, leaving the queues usable: their running jobs may finish for
   * `forceAfterMs` (default 10 000), then are handed back to the queue.
   */
  stopWorkers(options?: { forceAfterMs?: number }): Promise<WorkerStopReport>;
  /** Stops workers, queues and Redis connections. The database handle is the caller's to close. */
  stop(): Promise<void>;
}

/** The BullMQ job states the metrics count (Tongban's jobs are removed once completed or failed for good). */
const QUEUE_STATES = ['wait', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/** The calendar `advanceClock` counts a move `by` working units on. */
const ADVANCE_CALENDAR = 'cn-mainland';
/** The sweeper re-arms pending timers this late (Redis lost their jobs and no marker said so). */
const LATE_TIMER_MS = 60_000;
/** A queued service attempt not recorded this long after it was queued (wall clock) is queued again. */
const LATE_ATTEMPT_MS = 60_000;

/**
 * Composes the runtime on a database and a Redis: the definition store, the case executor with
 * its outbox dispatcher, the services, and (on `startWorkers`) a {@link WorkerHost} with the timer
 * and service workers, the sweeper and the Redis watch. The HTTP API needs only the services; a
 * process that runs no workers still dispatches the outbox rows of its own transactions.
 * Producers use a fail-fast Redis connection; workers and queue events their own connections with
 * `maxRetriesPerRequest: null` (pitfalls B18). Queue events (what `advanceClock` waits on) exist
 * only on a virtual clock.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { db, clock } = options;
  const prefix = options.queuePrefix ?? (isClusterUrl(options.redisUrl) ? '{tongban}' : 'tongban');
  const logger: RuntimeLogger = options.logger ?? {
    info: () => undefined,
    error: (message, error) => console.error(message, error),
  };
  const webhookPolicy = EgressPolicy.allowing(options.webhookAllowedHosts ?? []);
  const servicePolicy = EgressPolicy.allowing(options.serviceAllowedHosts ?? []);
  const producer = createRedisConnection(options.redisUrl, 'producer');
  producer.on('error', (error) => logger.error('Redis (producer) error', error));
  await redisReady(producer);
  const queue = new Queue<TimerJobData>(TIMER_QUEUE_NAME, { connection: producer, prefix });
  queue.on('error', (error) => logger.error('Timer queue error', error));
  const rawServiceQueue = new Queue<ServiceJobData>(SERVICE_QUEUE_NAME, { connection: producer, prefix });
  rawServiceQueue.on('error', (error) => logger.error('Service queue error', error));
  let queueEvents: QueueEvents | undefined;
  let eventsConnection: ReturnType<typeof createRedisConnection> | undefined;
  if (clock.virtual) {
    eventsConnection = createRedisConnection(options.redisUrl, 'worker');
    eventsConnection.on('error', (error) => logger.error('Redis (queue events) error', error));
    queueEvents = new QueueEvents(TIMER_QUEUE_NAME, { connection: eventsConnection, prefix });
    queueEvents.on('error', (error) => logger.error('Timer queue events error', error));
    await queueEvents.waitUntilReady();
  }
  const rawWebhookQueue = new Queue<WebhookJobData>(WEBHOOK_QUEUE_NAME, { connection: producer, prefix });
  rawWebhookQueue.on('error', (error) => logger.error('Webhook queue error', error));
  const timerQueue = new TimerQueue(queue, queueEvents);
  const serviceQueue = new ServiceQueue(rawServiceQueue);
  const webhookQueue = new WebhookQueue(rawWebhookQueue, {
    attempts: options.webhookRetry?.attempts ?? DEFAULT_WEBHOOK_ATTEMPTS,
    backoffMs: options.webhookRetry?.backoffMs ?? DEFAULT_WEBHOOK_BACKOFF_MS,
  });
  const webhookTimeoutMs = options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const webhookDispatcher = createEgressDispatcher(webhookPolicy);
  const serviceDispatcher = createEgressDispatcher(servicePolicy);
  const recovery = new QueueRecovery({ db, clock, timers: timerQueue, services: serviceQueue, webhooks: webhookQueue });

  const organisation = new CachedLoad<Organisation>(() => loadOrganisation(db));
  const getOrganisation = () => organisation.get();
  const reloadOrganisation = async (): Promise<void> => {
    await organisation.reload();
  };
  const calendarBook = new CachedLoad<CalendarBook>(() => loadCalendarBook(db));
  const getCalendars = () => calendarBook.get();
  const definitions = new DefinitionStore(db);
  const forget: Record<ChangeTopic, () => void> = {
    organisation: () => organisation.invalidate(),
    calendars: () => calendarBook.invalidate(),
    definitions: () => definitions.forget(),
  };
  /** The change feed listened before: a later `onListen` is a reconnect, PostgreSQL was away. */
  let listenedBefore = false;
  const changes = ChangeFeed.start({
    sql: db.$client,
    onChange: (topic) => forget[topic](),
    onListen: () => {
      for (const topic of changeTopics) forget[topic]();
      if (listenedBefore) void catchUpAfterReconnect();
      listenedBefore = true;
    },
    logger,
  });
  const dispatcher = new OutboxDispatcher({ db, clock, timers: timerQueue, services: serviceQueue, webhooks: webhookQueue, logger });
  const feel = new BoundedFeelEvaluator(options.feelBudget);
  const executor = new CaseExecutor({
    db,
    clock,
    definitions,
    organisation: getOrganisation,
    calendars: getCalendars,
    dispatcher,
    feel: feel.evaluate,
    ...(options.steps !== undefined && { steps: options.steps }),
  });
  const calendarsService = new CalendarsService({
    db,
    executor,
    calendars: getCalendars,
    reloadCalendars: () => calendarBook.reload(),
    organisation: getOrganisation,
    reloadOrganisation,
  });
  const casesService = new CasesService({
    db,
    executor,
    definitions,
    organisation: getOrganisation,
    calendars: getCalendars,
    caseNumberPrefix: options.caseNumberPrefix ?? defaultCaseNumberPrefix,
  });
  const caseOperations = new CaseOperationsService({ db, executor, organisation: getOrganisation });
  const caseMigration = new CaseMigrationService({ db, executor, definitions, organisation: getOrganisation, calendars: getCalendars });
  const extensions = new TaskExtensionsService({ db, executor, organisation: getOrganisation });
  const tasksService = new TasksService({ db, executor, definitions, calendars: getCalendars, organisation: getOrganisation });
  const taskOperations = new TaskOperationsService({ db, executor, definitions, organisation: getOrganisation, calendars: getCalendars });
  const taskWithdrawal = new TaskWithdrawalService({ executor });
  const copies = new TaskCopiesService({ db, executor, organisation: getOrganisation });
  const urges = new CaseUrgesService({ executor, organisation: getOrganisation });
  const signers = new TaskSignersService({ executor, organisation: getOrganisation });
  const monitor = new MonitorService({ db, clock, definitions, organisation: getOrganisation, calendars: getCalendars });
  const forecastPool = new ForecastPool(options.forecastBudget);
  const forecasts = new ForecastService({ db, clock, definitions, organisation: getOrganisation, calendars: getCalendars, pool: forecastPool });
  const incidentsService = new IncidentsService({ db, executor, organisation: getOrganisation });
  const webhooks = new WebhooksService({ db, policy: webhookPolicy });
  const userNotifications = new NotificationsService({ db });
  const registry = new ServiceRegistry(builtInServices({ policy: servicePolicy, dispatcher: serviceDispatcher }), options.services);
  const runner = new ServiceRunner({
    db,
    executor,
    registry,
    deliver: deliverOutcome,
    ...(options.serviceAttemptTimeoutMs !== undefined && { attemptTimeoutMs: options.serviceAttemptTimeoutMs }),
  });

  let host: Promise<WorkerHost> | undefined;
  let clockMoves: Promise<void> = Promise.resolve();

  const startHost = () =>
    WorkerHost.start({
      redisUrl: options.redisUrl,
      prefix,
      logger,
      fire: (timerId) => fireTimer(db, executor, timerId),
      runAttempt: (invocationId, attempt) => runner.run(invocationId, attempt),
      deliverWebhook: (deliveryId, attempt, last) => deliverWebhook({ db, timeoutMs: webhookTimeoutMs, policy: webhookPolicy, dispatcher: webhookDispatcher }, deliveryId, attempt, last),
      // Deadlines counted provisionally on a calendar that has changed since (a notice loaded while
      // the runtime was down, an engine upgrade) are recounted before any timer can fire.
      prepare: async () => {
        const recounted = await calendarsService.recountProvisional();
        return `${recounted.timers} provisional deadline(s) of ${recounted.changedCases} case(s) recounted`;
      },
      rearm: async () => {
        const rearmed = await recovery.rearmTimers();
        const requeued = await recovery.requeueInvocations();
        const deliveries = await recovery.requeueWebhooks();
        const swept = await dispatcher.sweep();
        return `${rearmed} pending timer(s) re-armed, ${requeued} service attempt(s) re-queued, ${deliveries} webhook delivery(ies) re-queued, ${swept} outbox row(s) dispatched`;
      },
      sweep: async () => {
        await dispatcher.sweep();
        await recovery.rearmTimers({ lateByMs: LATE_TIMER_MS });
        await recovery.requeueInvocations({ lateByMs: LATE_ATTEMPT_MS });
      },
      ...(options.workerConcurrency !== undefined && { concurrency: options.workerConcurrency }),
      ...(options.workerLockMs !== undefined && { lockMs: options.workerLockMs }),
      ...(options.sweepIntervalMs !== undefined && { sweepIntervalMs: options.sweepIntervalMs }),
      ...(options.redisCheckIntervalMs !== undefined && { redisCheckIntervalMs: options.redisCheckIntervalMs }),
    });
  let running: WorkerHost | undefined;

  /**
   * PostgreSQL is back after the change feed lost it (restarted, failed over, the network cut):
   * a timer job that came due meanwhile was retried for about 15 s and then given up, a service
   * attempt likewise. When this process runs workers, every timer now due and every queued attempt
   * is armed again at once (a job Redis still holds is not doubled) and the outbox dispatched,
   * rather than at the sweeper's minute-late pass.
   */
  async function catchUpAfterReconnect(): Promise<void> {
    if (host === undefined) return;
    try {
      const rearmed = await recovery.rearmTimers({ lateByMs: 0 });
      const requeued = await recovery.requeueInvocations({ lateByMs: 0 });
      const swept = await dispatcher.sweep();
      logger.info(`PostgreSQL is back: ${rearmed} due timer(s) re-armed, ${requeued} service attempt(s) re-queued, ${swept} outbox row(s) dispatched`);
    } catch (error) {
      logger.error('Catching up after PostgreSQL came back failed; the sweeper will', error);
    }
  }

  const stopWorkers = async (stopOptions: { forceAfterMs?: number } = {}): Promise<WorkerStopReport> => {
    const stopping = host;
    host = undefined;
    running = undefined;
    if (!stopping) return { handedBack: [] };
    return (await stopping).stop(stopOptions);
  };

  return {
    db,
    clock,
    validateDefinitionInput,
    publishDefinition: async (input, o) => publishDefinition(db, input, { ...o, now: clock.now(), calendars: await getCalendars() }),
    listDefinitions: () => listDefinitions(db),
    listDefinitionVersions: (key) => listDefinitionVersions(db, key),
    getDefinitionVersion: (key, version) => getDefinitionVersion(db, key, version),
    getXstateExport: (key, version) => getXstateExport(db, key, version),
    listServices: () => registry.describe(),
    getStandaloneExport: (key, version) => getStandaloneExport(db, key, version),

    createCase: (input) => casesService.createCase(input),
    getCase: (caseId, viewer) => casesService.getCase(caseId, viewer),
    listCases: (viewer, filters) => casesService.listCases(viewer, filters),
    supplementCase: (caseId, input, actor) => casesService.supplementCase(caseId, input, actor),
    planCaseMigration: (input) => caseMigration.dryRun(input),
    applyCaseMigration: (input, actorId) => caseMigration.apply(input, actorId),
    getPublicCase: (caseId, viewer) => casesService.getPublicCase(caseId, viewer),
    withdrawCase: (caseId, input, actor) => caseOperations.withdrawCase(caseId, input, actor),
    suspendCase: (caseId, input, viewer) => caseOperations.suspendCase(caseId, input, viewer),
    resumeCase: (caseId, input, viewer) => caseOperations.resumeCase(caseId, input, viewer),

    listInbox: (viewer, filters) => tasksService.listInbox(viewer, filters),
    claimTask: (taskId, viewer) => tasksService.claimTask(taskId, viewer),
    completeTask: (taskId, viewer, input) => tasksService.completeTask(taskId, viewer, input),
    requestExtension: (taskId, viewer, input) => extensions.requestExtension(taskId, viewer, input),
    approveExtension: (taskId, viewer) => extensions.approveExtension(taskId, viewer),
    refuseExtension: (taskId, viewer, input) => extensions.refuseExtension(taskId, viewer, input),
    listExtensionRequests: (viewer, page) => extensions.listExtensionRequests(viewer, page),
    getTask: (taskId, viewer) => taskOperations.getTask(taskId, viewer),
    listDone: (viewer, page) => tasksService.listDone(viewer, page),
    previewReturn: (taskId, viewer, input) => previewReturn({ db, clock, definitions, organisation: getOrganisation, feel: feel.evaluate }, taskId, viewer, input),
    unclaimTask: (taskId, viewer, input) => taskOperations.unclaimTask(taskId, viewer, input),
    withdrawTask: (taskId, viewer, input) => taskWithdrawal.withdrawTask(taskId, viewer, input),
    transferTask: (taskId, viewer, input) => taskOperations.transferTask(taskId, viewer, input),
    delegateTask: (taskId, viewer, input) => taskOperations.delegateTask(taskId, viewer, input),
    resolveTask: (taskId, viewer, input) => taskOperations.resolveTask(taskId, viewer, input),
    commentOnTask: (taskId, viewer, input) => taskOperations.commentOnTask(taskId, viewer, input),
    copyTask: (taskId, viewer, input) => copies.copyTask(taskId, viewer, input),
    listCopies: (viewer, filters) => copies.listCopies(viewer, filters),
    markCopyRead: (copyId, viewer) => copies.markCopyRead(copyId, viewer),
    urgeCase: (caseId, viewer, input) => urges.urgeCase(caseId, viewer, input),
    reassignTasks: (viewer, input) => taskOperations.reassignTasks(viewer, input),
    addSigners: (taskId, viewer, input) => signers.addSigners(taskId, viewer, input),
    removeSigner: (taskId, viewer, input) => signers.removeSigner(taskId, viewer, input),

    listOverdue: (viewer, filters) => monitor.listOverdue(viewer, filters),
    listAtRisk: (viewer, filters) => monitor.listAtRisk(viewer, filters),
    listEscalations: (viewer, page) => monitor.listEscalations(viewer, page),
    monitorLoad: (viewer) => monitor.monitorLoad(viewer),
    nodeHeat: (viewer, key, version) => monitor.nodeHeat(viewer, key, version),
    dailySeries: (viewer, range) => monitor.dailySeries(viewer, range),
    forecast: (viewer, request) => forecasts.forecast(viewer, request),

    listNotifications: (viewer, filters) => userNotifications.list(viewer, filters),
    markNotificationRead: (viewer, id) => userNotifications.markRead(viewer, id),
    markAllNotificationsRead: (viewer) => userNotifications.markAllRead(viewer),

    subscribeWebhook: (viewer, input) => webhooks.subscribe(viewer, input),
    listWebhooks: (viewer) => webhooks.list(viewer),
    deleteWebhook: (viewer, id) => webhooks.remove(viewer, id),
    listWebhookDeliveries: (viewer, id, page) => webhooks.deliveries(viewer, id, page),

    listIncidents: (viewer, filters) => incidentsService.listIncidents(viewer, filters),
    retryIncident: (incidentId, viewer) => incidentsService.retryIncident(incidentId, viewer),

    advanceClock: (request) => {
      if (clock.virtual && !running?.running) {
        return Promise.reject(
          new ConflictError('workers-stopped', 'The timer workers are not running; timers cannot fire while the clock moves'),
        );
      }
      // One move at a time: a second request waits for the first, then moves on from where it ended.
      const moved = clockMoves.then(async () => advanceClock({ db, clock, timerQueue, calendar: (await getCalendars()).get(ADVANCE_CALENDAR) }, request));
      clockMoves = moved.then(
        () => undefined,
        () => undefined,
      );
      return moved;
    },
    fireTimer: (timerId) => fireTimer(db, executor, timerId),
    runServiceAttempt: (invocationId, attempt) => runner.run(invocationId, attempt),
    requeueInvocations: (late) => recovery.requeueInvocations(late),
    sweepOutbox: () => dispatcher.sweep(),
    rearmTimers: (late) => recovery.rearmTimers(late),
    pingDatabase: async () => {
      await db.execute(sql`select 1`);
    },
    pingRedis: async () => {
      await producer.ping();
    },
    queueJobCounts: async () => {
      const [timerCounts, serviceCounts] = await Promise.all([queue.getJobCounts(...QUEUE_STATES), rawServiceQueue.getJobCounts(...QUEUE_STATES)]);
      return { [TIMER_QUEUE_NAME]: timerCounts, [SERVICE_QUEUE_NAME]: serviceCounts };
    },
    reloadOrganisation,

    listCalendars: () => calendarsService.listCalendars(),
    getCalendar: (key) => calendarsService.getCalendar(key),
    putCalendar: (key, input, viewer) => calendarsService.putCalendar(key, input, viewer),
    putCalendarNotice: (key, year, notice, viewer) => calendarsService.putNotice(key, year, notice, viewer),
    setJurisdictionCalendar: (jurisdictionId, calendarKey) => calendarsService.setJurisdictionCalendar(jurisdictionId, calendarKey),
    recountProvisional: () => calendarsService.recountProvisional(),

    async startWorkers() {
      if (host) {
        await host;
        return;
      }
      host = startHost();
      try {
        running = await host;
      } catch (error) {
        host = undefined;
        throw error;
      }
    },
    workersRunning: () => running?.running ?? false,
    stopWorkers,
    async stop() {
      await changes.stop();
      await stopWorkers();
      await queueEvents?.close();
      await queue.close();
      await rawServiceQueue.close();
      await rawWebhookQueue.close();
      await webhookDispatcher.close();
      await serviceDispatcher.close();
      eventsConnection?.disconnect();
      producer.disconnect();
      await feel.close();
      await forecastPool.close();
    },
  };
}
