import { outcomeNeedsReason, type CaseEvent, type Effect, type UserTask } from '@tongban/engine';
import { chooseOutcome } from '../simulate/choose-outcome.ts';
import { decisionData, decisionReason } from '../simulate/decision-data.ts';
import { createSeededRandom, type SeededRandom } from '../simulate/seeded-random.ts';
import { CasePaths, type CasePoint } from './case-paths.ts';
import { offsetAfter } from './duration-offset.ts';
import type { DepartmentRisk, DepartmentWork, ForecastInput, ForecastResult, EndedTask, ForecastWorkflow, OpenCaseState, RunObserver, TaskRisk, WhatIf } from './forecast.types.ts';

/** Effects one event may set off in a row (services answered at once) before the case is left where it is. */
const MAX_CHAIN = 50;

/** A task in one run. */
interface RunTask {
  taskId: string;
  nodeId: string;
  departmentId: string | undefined;
  dueAt: number | undefined;
  /** First working day of the horizon on which a clerk takes it up. */
  readyDay: number;
  /** Index in the answer's task list for a task open now; −1 for one opened within the horizon. */
  origin: number;
  /** Its statutory `slaBreach` event was sent. */
  signalled: boolean;
  openedAt: number;
  /** Tie-break among equal limits: the case's place, then the task's. */
  order: number;
  owner: RunCase;
}

/** A case in one run. */
interface RunCase {
  state: OpenCaseState;
  workflow: ForecastWorkflow;
  paths: CasePaths;
  point: CasePoint;
  tasks: Map<string, RunTask>;
  suspension: 'supplement' | 'other' | undefined;
  suspendedSince: number;
  resumeDay: number;
  /** Completed, or refused by the engine (it stays as it is). */
  halted: boolean;
  /** Nodes that returned the case or sent it round a loop (made when first needed). */
  looped: Set<string> | undefined;
  /** Nodes that asked it for a supplement (made when first needed). */
  supplemented: Set<string> | undefined;
  timers: { timerId: string; nodeId: string; at: number }[];
  /** Its place among the cases, and tasks it has opened so far (for {@link RunTask.order}). */
  index: number;
  opened: number;
}

/** The counts of one run, summed over runs. */
interface Tally {
  taskBreaches: number[];
  breaches: Map<string, number>;
  breachesOfOpen: Map<string, number>;
  decisions: Map<string, number>;
}

/** A forecast model of one state: run it as it is, or under a what-if. */
export interface ForecastModel {
  /** Runs the Monte Carlo runs under `whatIf` (none: as the departments are), reporting to `observer`. */
  run(whatIf?: WhatIf, observer?: RunObserver): ForecastResult;
  /** Engine steps computed so far, over every run. */
  readonly engineSteps: number;
}

/** Room for the tasks of one case in {@link RunTask.order}. */
const TASKS_PER_CASE = 1 << 16;

/** Working minutes of a working day the model counts working hours in. */
const DAY_MINUTES = 480;

/**
 * A forecast model of the open cases: runs them forward on a virtual clock of working days, many
 * times, with the engine's step (memoised per case state across runs and what-ifs, see
 * {@link CasePaths}) and the simulator's clerks (`chooseOutcome`, `decisionData`).
 *
 * Each working day of a run: supplements and resumptions due are delivered; each department
 * decides up to its capacity (clerks × tasks per clerk per day, less on a closed day) of its tasks
 * that are ready (a task waits a handling time drawn from the department's distribution),
 * soonest statutory limit first; timers and statutory SLA edges that came due fire. A task
 * breaches when it is decided after its statutory limit, or is still open past it at the
 * horizon's end.
 *
 * Pure: performs no I/O (draws from streams of `input.seed`).
 */
export function createForecastModel(input: ForecastInput, now: Date): ForecastModel {
  const paths = new Map([...input.workflows].map(([key, workflow]) => [key, new CasePaths(workflow.machine, now)]));
  const roots = input.cases.map((c) => CasePaths.pointOf(c.snapshot));
  const openTasks = input.cases.flatMap((c) => c.tasks.map((task) => ({ c, task })));
  const originOf = new Map(openTasks.map(({ c, task }, index) => [`${c.caseId}\u0000${task.taskId}`, index]));
  const watched = new Map([...input.workflows].map(([key, workflow]) => [key, statutoryWatchers(workflow)]));
  const forms = input.cases.map(() => new Map<string, Record<string, unknown>>());
  const dataRandom = createSeededRandom(input.seed).fork('decision-data');
  const departmentIds = [...input.departments.keys()].sort();

  return {
    get engineSteps() {
      return [...paths.values()].reduce((sum, p) => sum + p.steps, 0);
    },
    run(whatIf: WhatIf = {}, observer: RunObserver = {}) {
      const tally: Tally = { taskBreaches: openTasks.map(() => 0), breaches: new Map(), breachesOfOpen: new Map(), decisions: new Map() };
      const closed = new Set((whatIf.closures ?? []).map((c) => `${c.departmentId}@${c.day}`));
      for (let r = 0; r < input.runs; r += 1) runOnce(createSeededRandom(input.seed).fork(`run:${r}`), tally, whatIf, closed, observer);
      return answer(tally, whatIf);
    },
  };

  function runOnce(random: SeededRandom, tally: Tally, whatIf: WhatIf, closed: ReadonlySet<string>, observer: RunObserver): void {
    const count = (map: Map<string, number>, key: string | undefined) => {
      if (key !== undefined) map.set(key, (map.get(key) ?? 0) + 1);
    };
    const finish = (c: RunCase, task: RunTask, at: number, how: EndedTask['how']) => {
      observer.taskEnded?.({ caseId: c.state.caseId, taskId: task.taskId, nodeId: task.nodeId, departmentId: task.departmentId, openedAt: task.openedAt, dueAt: task.dueAt, endedAt: at, how });
      if (task.dueAt === undefined || at <= task.dueAt) return;
      count(tally.breaches, task.departmentId);
      if (task.origin >= 0) {
        tally.taskBreaches[task.origin] = (tally.taskBreaches[task.origin] ?? 0) + 1;
        count(tally.breachesOfOpen, task.departmentId);
      }
    };
    const cases: RunCase[] = input.cases.map((state, index) => {
      const workflow = input.workflows.get(state.workflow) as ForecastWorkflow;
      const tasks = new Map<string, RunTask>();
      const c: RunCase = {
        state,
        workflow,
        paths: paths.get(state.workflow) as CasePaths,
        point: roots[index] as CasePoint,
        tasks,
        suspension: state.suspension,
        suspendedSince: 0,
        resumeDay: state.suspension === undefined ? 0 : random.int(workflow.supplementDays[0], workflow.supplementDays[1]),
        halted: state.arrivesOn !== undefined,
        looped: undefined,
        supplemented: undefined,
        timers: [],
        index,
        opened: 0,
      };
      for (const task of state.tasks) {
        tasks.set(task.taskId, {
          taskId: task.taskId,
          nodeId: task.nodeId,
          departmentId: task.departmentId,
          dueAt: task.dueAt,
          readyDay: readyDayOfOpen(random, input.departments.get(task.departmentId), task.age),
          origin: originOf.get(`${state.caseId}\u0000${task.taskId}`) ?? -1,
          signalled: task.dueAt !== undefined && task.dueAt <= 0,
          openedAt: -task.age,
          order: index * TASKS_PER_CASE + c.opened++,
          owner: c,
        });
      }
      return c;
    });

    const queues = new Map(departmentIds.map((id) => [id, [] as RunTask[]]));
    for (let day = 1; day <= input.horizonDays; day += 1) {
      for (const c of cases) {
        if (c.state.arrivesOn !== day) continue;
        c.halted = false;
        send(c, { type: 'case.start' }, day - 1, random, day);
      }
      for (const c of cases) {
        if (c.halted || c.suspension === undefined || c.resumeDay > day) continue;
        const at = day - 1;
        for (const task of c.tasks.values()) if (task.dueAt !== undefined) task.dueAt += at - c.suspendedSince;
        const kind = c.suspension;
        c.suspension = undefined;
        send(c, kind === 'supplement' ? { type: 'case.supplement' } : { type: 'case.resume' }, at, random, day);
      }

      for (const queue of queues.values()) queue.length = 0;
      for (const c of cases) {
        if (c.halted || c.suspension !== undefined) continue;
        for (const task of c.tasks.values()) {
          if (task.departmentId === undefined || task.readyDay > day) continue;
          queues.get(task.departmentId)?.push(task);
        }
      }
      for (const departmentId of departmentIds) {
        const queue = queues.get(departmentId) as RunTask[];
        if (queue.length === 0) continue;
        const capacity = closed.has(`${departmentId}@${day}`) ? 0 : capacityOn(random, input.departments.get(departmentId) as DepartmentWork, whatIf);
        if (capacity === 0) continue;
        let done = 0;
        for (const task of soonestFirst(queue, capacity)) {
          if (done >= capacity) break;
          const c = task.owner;
          if (c.halted || c.suspension !== undefined || !c.tasks.has(task.taskId)) continue;
          const at = day - 1 + (done + 1) / (capacity + 1);
          done += 1;
          decide(c, task, at, random, day);
        }
      }

      for (const c of cases) {
        if (c.halted || c.suspension !== undefined) continue;
        if (c.timers.length > 0) {
          for (const timer of [...c.timers]) {
            if (timer.at > day || c.halted || c.suspension !== undefined) continue;
            c.timers = c.timers.filter((t) => t !== timer);
            send(c, { type: 'timer.fired', nodeId: timer.nodeId, timerId: timer.timerId }, timer.at, random, day);
          }
        }
        const watching = watched.get(c.state.workflow) as Set<string>;
        for (const task of c.tasks.values()) {
          if (task.signalled || task.dueAt === undefined || task.dueAt > day || c.halted || c.suspension !== undefined) continue;
          task.signalled = true;
          if (watching.has(task.nodeId)) send(c, { type: 'task.slaBreach', nodeId: task.nodeId, taskId: task.taskId, limit: 'statutory' }, task.dueAt, random, day);
        }
      }
      observer.endOfDay?.(day, () => cases.filter((c) => !c.halted && c.point.snapshot !== undefined).map((c) => standing(c, day)));
    }
    for (const c of cases) for (const task of c.tasks.values()) finish(c, task, c.suspension === undefined ? input.horizonDays : c.suspendedSince, 'open');

    function decide(c: RunCase, task: RunTask, at: number, draw: SeededRandom, day: number): void {
      const node = c.workflow.userTasks.get(task.nodeId);
      if (!node) return;
      const choice = chooseOutcome(draw, node, c.workflow.definition.edges, c.workflow.rates, {
        mayLoop: c.looped?.has(node.id) !== true,
        maySupplement: c.supplemented?.has(node.id) !== true,
      }, c.workflow.outcomeShares[node.id]);
      const data = formOf(c, node, choice.outcome);
      const outcome = node.outcomes.find((o) => o.id === choice.outcome);
      const reason = outcome && outcomeNeedsReason(c.workflow.definition.schemaVersion, outcome) ? decisionReason(node, choice.outcome) : undefined;
      const event: CaseEvent = {
        type: 'task.complete',
        nodeId: task.nodeId,
        taskId: task.taskId,
        outcome: choice.outcome,
        data,
        ...(reason === undefined ? {} : { reason }),
        ...(choice.returnTo === undefined ? {} : { returnTo: choice.returnTo }),
      };
      if (!send(c, event, at, draw, day)) return;
      count(tally.decisions, task.departmentId);
      if (choice.outcome === 'requestSupplement') (c.supplemented ??= new Set()).add(node.id);
      else if (choice.outcome !== 'approve' && choice.outcome !== 'reject') (c.looped ??= new Set()).add(node.id);
    }

    /** Steps `c` with `event` at `at` and carries out the effects; false when the engine refused it. */
    function send(c: RunCase, event: CaseEvent, at: number, draw: SeededRandom, day: number): boolean {
      const pending: CaseEvent[] = [event];
      for (let chain = 0; pending.length > 0 && chain < MAX_CHAIN; chain += 1) {
        const next = pending.shift() as CaseEvent;
        const move = c.paths.follow(c.point, next, next.type === 'case.start' ? { caseId: c.state.caseId, data: c.state.data } : undefined);
        if ('refused' in move) {
          if (chain > 0) c.halted = true;
          return chain > 0;
        }
        c.point = move.point;
        for (const effect of move.effects) apply(c, effect, at, draw, day, pending);
      }
      return true;
    }

    function apply(c: RunCase, effect: Effect, at: number, draw: SeededRandom, day: number, pending: CaseEvent[]): void {
      switch (effect.type) {
        case 'createTask': {
          const node = c.workflow.userTasks.get(effect.nodeId);
          if (!node) return;
          const kind = effect.instance?.over === 'departments' ? effect.instance.item : node.department;
          const departmentId = c.state.route(kind, node.level);
          const department = departmentId === undefined ? undefined : input.departments.get(departmentId);
          c.tasks.set(effect.taskId, {
            taskId: effect.taskId,
            nodeId: effect.nodeId,
            departmentId,
            dueAt: node.sla?.statutory === undefined ? undefined : offsetAfter(at, node.sla.statutory, DAY_MINUTES),
            readyDay: Math.max(day + 1, Math.ceil(at + drawHandling(draw, department))),
            origin: -1,
            signalled: false,
            openedAt: at,
            order: c.index * TASKS_PER_CASE + c.opened++,
            owner: c,
          });
          return;
        }
        case 'closeTask': {
          const task = c.tasks.get(effect.taskId);
          if (!task) return;
          c.tasks.delete(effect.taskId);
          finish(c, task, at, effect.reason === 'completed' ? 'decided' : 'closed');
          return;
        }
        case 'suspendCase':
        case 'pauseCase':
          c.suspension = effect.type === 'suspendCase' ? 'supplement' : 'other';
          c.suspendedSince = at;
          c.resumeDay = day + draw.int(c.workflow.supplementDays[0], c.workflow.supplementDays[1]);
          return;
        case 'completeCase':
          c.halted = true;
          for (const task of c.tasks.values()) finish(c, task, at, 'closed');
          c.tasks.clear();
          return;
        case 'scheduleTimer':
          c.timers.push({ timerId: effect.timerId, nodeId: effect.nodeId, at: offsetAfter(at, effect.duration, DAY_MINUTES) });
          return;
        case 'cancelTimer':
          c.timers = c.timers.filter((t) => t.timerId !== effect.timerId);
          return;
        case 'invokeService':
          pending.push({ type: 'service.succeeded', nodeId: effect.nodeId, serviceId: effect.serviceId });
          return;
        case 'startSubCase':
          c.halted = true;
          return;
        default:
          return;
      }
    }
  }

  /** Case `c` as it stands at the end of `day`, its times counted from then (a suspended case's limits: the time they had left). */
  function standing(c: RunCase, day: number): OpenCaseState {
    return {
      caseId: c.state.caseId,
      caseNumber: c.state.caseNumber,
      workflow: c.state.workflow,
      snapshot: c.point.snapshot,
      data: c.state.data,
      suspension: c.suspension,
      route: c.state.route,
      tasks: [...c.tasks.values()].map((task) => ({
        taskId: task.taskId,
        nodeId: task.nodeId,
        departmentId: task.departmentId ?? '',
        dueAt: task.dueAt === undefined ? undefined : task.dueAt - (c.suspension === undefined ? day : c.suspendedSince),
        age: day - task.openedAt,
      })),
    };
  }

  /** The form a clerk fills for `outcome` of `node` in case `c`: drawn once per case, node and outcome, so runs share engine steps. */
  function formOf(c: RunCase, node: UserTask, outcome: string): Record<string, unknown> {
    const memo = forms[c.index] as Map<string, Record<string, unknown>>;
    const key = `${node.id}\u0000${outcome}`;
    const known = memo.get(key);
    if (known) return known;
    const data = decisionData(dataRandom.fork(`${c.state.caseId}\u0000${key}`), { node, outcome, caseData: c.state.data, templates: c.workflow.templates, today: input.today });
    memo.set(key, data);
    return data;
  }

  function answer(tally: Tally, whatIf: WhatIf): ForecastResult {
    const runs = input.runs;
    const tasks: TaskRisk[] = openTasks.map(({ c, task }, index) => ({
      taskId: task.taskId,
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      nodeId: task.nodeId,
      departmentId: task.departmentId,
      dueAt: task.dueAt,
      overdue: task.dueAt !== undefined && task.dueAt <= 0,
      breachProbability: (tally.taskBreaches[index] ?? 0) / runs,
    }));
    tasks.sort((a, b) => b.breachProbability - a.breachProbability || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.taskId.localeCompare(b.taskId));
    const departments: DepartmentRisk[] = departmentIds.map((id) => {
      const work = input.departments.get(id) as DepartmentWork;
      return {
        departmentId: id,
        name: work.name,
        expectedBreaches: (tally.breaches.get(id) ?? 0) / runs,
        expectedBreachesOfOpenTasks: (tally.breachesOfOpen.get(id) ?? 0) / runs,
        expectedDecisions: (tally.decisions.get(id) ?? 0) / runs,
        clerks: Math.max(0, work.clerks + (whatIf.clerks?.[id] ?? 0)),
        tasksPerClerkPerDay: work.tasksPerClerkPerDay,
        source: work.source,
      };
    });
    departments.sort((a, b) => b.expectedBreaches - a.expectedBreaches || a.departmentId.localeCompare(b.departmentId));
    const expectedBreaches = [...tally.breaches.values()].reduce((sum, n) => sum + n, 0) / runs;
    return { tasks, departments, expectedBreaches, engineSteps: [...paths.values()].reduce((sum, p) => sum + p.steps, 0) };
  }
}

/**
 * The tasks of `queue` a department takes up first: soonest statutory limit first (none last),
 * then by {@link RunTask.order}; only the first few more than `capacity` are put in order, as
 * some may have left (their case completed or suspended by an earlier decision of the day), the
 * whole queue when those run out.
 */
function* soonestFirst(queue: RunTask[], capacity: number): Generator<RunTask> {
  const before = (a: RunTask, b: RunTask) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.order - b.order;
  const wanted = capacity * 2 + 8;
  if (queue.length > wanted * 4) {
    const best: RunTask[] = [];
    for (const task of queue) {
      if (best.length === wanted && before(task, best[wanted - 1] as RunTask) >= 0) continue;
      let at = best.length === wanted ? wanted - 1 : best.length;
      while (at > 0 && before(task, best[at - 1] as RunTask) < 0) {
        best[at] = best[at - 1] as RunTask;
        at -= 1;
      }
      best[at] = task;
      if (best.length > wanted) best.length = wanted;
    }
    yield* best;
    const taken = new Set(best);
    queue.sort(before);
    for (const task of queue) if (!taken.has(task)) yield task;
    return;
  }
  queue.sort(before);
  yield* queue;
}

/** Tasks `department` decides on one working day under `whatIf`: clerks × rate, its fraction drawn. */
function capacityOn(random: SeededRandom, department: DepartmentWork, whatIf: WhatIf): number {
  const clerks = Math.max(0, department.clerks + (whatIf.clerks?.[department.departmentId] ?? 0));
  const expected = clerks * department.tasksPerClerkPerDay;
  const whole = Math.floor(expected);
  return whole + (random.chance(expected - whole) ? 1 : 0);
}

/** A handling time drawn from `department`'s distribution, in working days (0 without one). */
function drawHandling(random: SeededRandom, department: DepartmentWork | undefined): number {
  if (!department || department.handlingDays.length === 0) return 0;
  return random.pick(department.handlingDays);
}

/** The first day a task open for `age` working days is taken up: a handling time drawn among those longer than its age. */
function readyDayOfOpen(random: SeededRandom, department: DepartmentWork | undefined, age: number): number {
  const handling = department?.handlingDays ?? [];
  let low = 0;
  let high = handling.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((handling[middle] as number) > age) high = middle;
    else low = middle + 1;
  }
  if (low === handling.length) return 1;
  return Math.max(1, Math.ceil((handling[low + Math.floor(random.next() * (handling.length - low))] as number) - age));
}

/** The nodes of `workflow` with an SLA edge watching their statutory limit. */
function statutoryWatchers(workflow: ForecastWorkflow): Set<string> {
  return new Set(workflow.definition.edges.filter((e) => e.kind === 'slaBreach' && (e.limit ?? 'statutory') === 'statutory').map((e) => e.source));
}
