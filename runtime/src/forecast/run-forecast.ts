import { outcomeNeedsReason, type CaseEvent, type Effect, type UserTask } from '@tongban/engine';
import { chooseOutcome } from '../simulate/choose-outcome.ts';
import { decisionData, decisionReason } from '../simulate/decision-data.ts';
import { createSeededRandom, type SeededRandom } from '../simulate/seeded-random.ts';
import { CasePaths } from './case-paths.ts';
import { capacityOn, closedDays, drawHandling, readyDayOfOpen, soonestFirst } from './department-day.ts';
import { offsetAfter } from './duration-offset.ts';
import type { DepartmentRisk, DepartmentWork, ForecastInput, ForecastResult, EndedTask, ForecastWorkflow, OpenCaseState, RunObserver, TaskRisk, WhatIf } from './forecast.types.ts';
import { routeKey } from './route-table.ts';
import { closeTask, hasTask, openTask, type RunCase, type RunTask } from './run-case.ts';

/** Effects one event may set off in a row (services answered at once) before the case is left where it is. */
const MAX_CHAIN = 50;

/** The counts of one run, summed over runs. */
interface Tally {
  taskBreaches: number[];
  breaches: Map<string, number>;
  breachesOfOpen: Map<string, number>;
  decisions: Map<string, number>;
}

/** Where a task a `createTask` effect opens goes: worked out once per effect, as the effects of a case's states are shared by its runs. */
interface TaskPlacement {
  node: UserTask;
  departmentId: string | undefined;
  department: DepartmentWork | undefined;
  queue: RunTask[] | undefined;
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
  const watched = new Map([...input.workflows].map(([key, workflow]) => [key, statutoryWatchers(workflow)]));
  const openTasks = input.cases.flatMap((c) => c.tasks.map((task) => ({ c, task })));
  const dataRandom = createSeededRandom(input.seed).fork('decision-data');
  const departmentIds = [...input.departments.keys()].sort();
  /** Each department's tasks ready on the day being run, refilled every day; in the order of `departmentIds`. */
  const queues = departmentIds.map((): RunTask[] => []);
  const queueOf = new Map(departmentIds.map((id, index) => [id, queues[index] as RunTask[]]));
  const placements = new WeakMap<Effect, TaskPlacement | null>();
  const cases = runCases();
  /** The cases filed on each working day of the horizon (a back-test's history), in their order. */
  const arrivals: RunCase[][] = [];
  for (const c of cases) if (c.state.arrivesOn !== undefined) (arrivals[c.state.arrivesOn] ??= []).push(c);

  return {
    get engineSteps() {
      return [...paths.values()].reduce((sum, p) => sum + p.steps, 0);
    },
    run(whatIf: WhatIf = {}, observer: RunObserver = {}) {
      const tally: Tally = { taskBreaches: openTasks.map(() => 0), breaches: new Map(), breachesOfOpen: new Map(), decisions: new Map() };
      const closed = closedDays(whatIf);
      for (let r = 0; r < input.runs; r += 1) runOnce(createSeededRandom(input.seed).fork(`run:${r}`), tally, whatIf, closed, observer);
      return answer(tally, whatIf);
    },
  };

  /** The cases as the runs start them, each with its open tasks (each run sets them back, {@link startRun}). */
  function runCases(): RunCase[] {
    let origin = 0;
    return input.cases.map((state, index) => {
      const workflow = input.workflows.get(state.workflow) as ForecastWorkflow;
      const root = CasePaths.pointOf(state.snapshot);
      const c: RunCase = {
        state,
        workflow,
        paths: paths.get(state.workflow) as CasePaths,
        watching: watched.get(state.workflow) as Set<string>,
        root,
        point: root,
        open: [],
        tasks: [],
        suspension: state.suspension,
        suspendedSince: 0,
        resumeDay: 0,
        halted: state.arrivesOn !== undefined,
        looped: [],
        supplemented: [],
        timers: [],
        index,
        opened: 0,
        forms: new Map(),
      };
      for (const [place, task] of state.tasks.entries()) {
        c.open.push({
          taskId: task.taskId,
          nodeId: task.nodeId,
          node: workflow.userTasks.get(task.nodeId),
          departmentId: task.departmentId,
          department: input.departments.get(task.departmentId),
          queue: queueOf.get(task.departmentId),
          dueAt: task.dueAt,
          readyDay: 0,
          origin: origin++,
          signalled: false,
          openedAt: -task.age,
          order: index * TASKS_PER_CASE + place,
          owner: c,
        });
      }
      return c;
    });
  }

  /** Sets every case back to how it is now, drawing when its suspension ends and when its open tasks are taken up. */
  function startRun(random: SeededRandom): void {
    for (const c of cases) {
      const { state } = c;
      c.point = c.root;
      c.tasks = [];
      c.suspension = state.suspension;
      c.suspendedSince = 0;
      c.resumeDay = state.suspension === undefined ? 0 : random.int(c.workflow.supplementDays[0], c.workflow.supplementDays[1]);
      c.halted = state.arrivesOn !== undefined;
      if (c.looped.length > 0) c.looped = [];
      if (c.supplemented.length > 0) c.supplemented = [];
      c.timers = [];
      c.opened = state.tasks.length;
      for (let place = 0; place < state.tasks.length; place += 1) {
        const now = state.tasks[place] as OpenCaseState['tasks'][number];
        const task = c.open[place] as RunTask;
        task.dueAt = now.dueAt;
        task.readyDay = readyDayOfOpen(random, task.department, now.age);
        task.signalled = now.dueAt !== undefined && now.dueAt <= 0;
        openTask(c, task);
      }
    }
  }

  function runOnce(random: SeededRandom, tally: Tally, whatIf: WhatIf, closed: readonly (ReadonlySet<string> | undefined)[], observer: RunObserver): void {
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
    startRun(random);

    for (let day = 1; day <= input.horizonDays; day += 1) {
      for (const c of arrivals[day] ?? []) {
        c.halted = false;
        send(c, { type: 'case.start' }, day - 1, random, day);
      }
      for (const c of cases) {
        if (c.halted || c.suspension === undefined || c.resumeDay > day) continue;
        const at = day - 1;
        for (const task of c.tasks) if (task?.dueAt !== undefined) task.dueAt += at - c.suspendedSince;
        const kind = c.suspension;
        c.suspension = undefined;
        send(c, kind === 'supplement' ? { type: 'case.supplement' } : { type: 'case.resume' }, at, random, day);
      }

      for (const queue of queues) if (queue.length > 0) queue.length = 0;
      for (const c of cases) {
        if (c.halted || c.suspension !== undefined) continue;
        for (const task of c.tasks) {
          if (task?.queue === undefined || task.readyDay > day) continue;
          task.queue.push(task);
        }
      }
      const closedToday = closed[day];
      for (const [index, departmentId] of departmentIds.entries()) {
        const queue = queues[index] as RunTask[];
        if (queue.length === 0) continue;
        const capacity = closedToday?.has(departmentId) === true ? 0 : capacityOn(random, input.departments.get(departmentId) as DepartmentWork, whatIf);
        if (capacity === 0) continue;
        let done = 0;
        for (const task of soonestFirst(queue, capacity)) {
          if (done >= capacity) break;
          const c = task.owner;
          if (c.halted || c.suspension !== undefined || !hasTask(c, task.taskId)) continue;
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
        // By place, as a decision may open tasks (seen) or close them (holes) meanwhile.
        for (let place = 0; place < c.tasks.length; place += 1) {
          const task = c.tasks[place];
          if (task === undefined || task.signalled || task.dueAt === undefined || task.dueAt > day || c.halted || c.suspension !== undefined) continue;
          task.signalled = true;
          if (c.watching.has(task.nodeId)) send(c, { type: 'task.slaBreach', nodeId: task.nodeId, taskId: task.taskId, limit: 'statutory' }, task.dueAt, random, day);
        }
      }
      observer.endOfDay?.(day, () => cases.filter((c) => !c.halted && c.point.snapshot !== undefined).map((c) => standing(c, day)));
    }
    for (const c of cases) {
      for (const task of c.tasks) if (task) finish(c, task, c.suspension === undefined ? input.horizonDays : c.suspendedSince, 'open');
    }

    function decide(c: RunCase, task: RunTask, at: number, draw: SeededRandom, day: number): void {
      const { node } = task;
      if (!node) return;
      const choice = chooseOutcome(draw, node, c.workflow.definition.edges, c.workflow.rates, {
        mayLoop: !c.looped.includes(node.id),
        maySupplement: !c.supplemented.includes(node.id),
      }, c.workflow.outcomeShares[node.id]);
      const event: CaseEvent = choice.returnTo === undefined
        ? { type: 'task.complete', nodeId: task.nodeId, taskId: task.taskId, outcome: choice.outcome }
        : { type: 'task.complete', nodeId: task.nodeId, taskId: task.taskId, outcome: choice.outcome, returnTo: choice.returnTo };
      if (!send(c, event, at, draw, day, () => decision(c, node, task, choice))) return;
      count(tally.decisions, task.departmentId);
      if (choice.outcome === 'requestSupplement') c.supplemented.push(node.id);
      else if (choice.outcome !== 'approve' && choice.outcome !== 'reject') c.looped.push(node.id);
    }

    /**
     * Steps `c` with `event` at `at` and carries out the effects; false when the engine refused it.
     * `complete` makes the whole event, when the step is computed rather than known.
     */
    function send(c: RunCase, event: CaseEvent, at: number, draw: SeededRandom, day: number, complete?: () => CaseEvent): boolean {
      /** Events the effects set off, answered in turn (a service answers at once); made when first needed. */
      let pending: CaseEvent[] | undefined;
      let next: CaseEvent | undefined = event;
      for (let chain = 0; next !== undefined && chain < MAX_CHAIN; chain += 1) {
        const move = c.paths.follow(c.point, next, next.type === 'case.start' ? { caseId: c.state.caseId, data: c.state.data } : undefined, chain === 0 ? complete : undefined);
        if ('refused' in move) {
          if (chain > 0) c.halted = true;
          return chain > 0;
        }
        c.point = move.point;
        const { effects } = move;
        for (let i = 0; i < effects.length; i += 1) {
          const answer = apply(c, effects[i] as Effect, at, draw, day);
          if (answer) (pending ??= []).push(answer);
        }
        next = pending?.shift();
      }
      return true;
    }

    /** Carries out `effect` on `c`; the event it sets off at once (a service's answer), if any. */
    function apply(c: RunCase, effect: Effect, at: number, draw: SeededRandom, day: number): CaseEvent | undefined {
      switch (effect.type) {
        case 'createTask': {
          const placement = placementOf(c, effect);
          if (!placement) return;
          const { node } = placement;
          openTask(c, {
            taskId: effect.taskId,
            nodeId: effect.nodeId,
            node,
            departmentId: placement.departmentId,
            department: placement.department,
            queue: placement.queue,
            dueAt: node.sla?.statutory === undefined ? undefined : offsetAfter(at, node.sla.statutory, DAY_MINUTES),
            readyDay: Math.max(day + 1, Math.ceil(at + drawHandling(draw, placement.department))),
            origin: -1,
            signalled: false,
            openedAt: at,
            order: c.index * TASKS_PER_CASE + c.opened++,
            owner: c,
          });
          return;
        }
        case 'closeTask': {
          const task = closeTask(c, effect.taskId);
          if (task) finish(c, task, at, effect.reason === 'completed' ? 'decided' : 'closed');
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
          for (const task of c.tasks) if (task) finish(c, task, at, 'closed');
          c.tasks = [];
          return;
        case 'scheduleTimer':
          c.timers.push({ timerId: effect.timerId, nodeId: effect.nodeId, at: offsetAfter(at, effect.duration, DAY_MINUTES) });
          return;
        case 'cancelTimer':
          c.timers = c.timers.filter((t) => t.timerId !== effect.timerId);
          return;
        case 'invokeService':
          return { type: 'service.succeeded', nodeId: effect.nodeId, serviceId: effect.serviceId };
        case 'startSubCase':
          c.halted = true;
          return;
        default:
          return;
      }
    }
  }

  /** Where the task `effect` opens in case `c` goes; null when its node is none of the workflow's userTasks. */
  function placementOf(c: RunCase, effect: Extract<Effect, { type: 'createTask' }>): TaskPlacement | null {
    const known = placements.get(effect);
    if (known !== undefined) return known;
    const node = c.workflow.userTasks.get(effect.nodeId);
    let placement: TaskPlacement | null = null;
    if (node) {
      const kind = effect.instance?.over === 'departments' ? effect.instance.item : node.department;
      const departmentId = c.state.routes.get(routeKey(kind, node.level));
      placement = {
        node,
        departmentId,
        department: departmentId === undefined ? undefined : input.departments.get(departmentId),
        queue: departmentId === undefined ? undefined : queueOf.get(departmentId),
      };
    }
    placements.set(effect, placement);
    return placement;
  }

  /** The whole `task.complete` event of `choice` for `task` of case `c`: with the form the clerk fills, and the reason an outcome needs. */
  function decision(c: RunCase, node: UserTask, task: RunTask, choice: { outcome: string; returnTo?: string }): CaseEvent {
    const outcome = node.outcomes.find((o) => o.id === choice.outcome);
    const reason = outcome && outcomeNeedsReason(c.workflow.definition.schemaVersion, outcome) ? decisionReason(node, choice.outcome) : undefined;
    return {
      type: 'task.complete',
      nodeId: task.nodeId,
      taskId: task.taskId,
      outcome: choice.outcome,
      data: formOf(c, node, choice.outcome),
      ...(reason === undefined ? {} : { reason }),
      ...(choice.returnTo === undefined ? {} : { returnTo: choice.returnTo }),
    };
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
      routes: c.state.routes,
      tasks: c.tasks.flatMap((task) =>
        task === undefined
          ? []
          : [{
              taskId: task.taskId,
              nodeId: task.nodeId,
              departmentId: task.departmentId ?? '',
              dueAt: task.dueAt === undefined ? undefined : task.dueAt - (c.suspension === undefined ? day : c.suspendedSince),
              age: day - task.openedAt,
            }],
      ),
    };
  }

  /** The form a clerk fills for `outcome` of `node` in case `c`: drawn once per case, node and outcome, so runs share engine steps. */
  function formOf(c: RunCase, node: UserTask, outcome: string): Record<string, unknown> {
    let ofNode = c.forms.get(node.id);
    if (!ofNode) {
      ofNode = new Map();
      c.forms.set(node.id, ofNode);
    }
    const known = ofNode.get(outcome);
    if (known) return known;
    const data = decisionData(dataRandom.fork(`${c.state.caseId}\u0000${node.id}\u0000${outcome}`), { node, outcome, caseData: c.state.data, templates: c.workflow.templates, today: input.today });
    ofNode.set(outcome, data);
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

/** The nodes of `workflow` with an SLA edge watching their statutory limit. */
function statutoryWatchers(workflow: ForecastWorkflow): Set<string> {
  return new Set(workflow.definition.edges.filter((e) => e.kind === 'slaBreach' && (e.limit ?? 'statutory') === 'statutory').map((e) => e.source));
}
