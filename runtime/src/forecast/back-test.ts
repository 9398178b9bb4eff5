import { levelSchema, type WorkflowDefinition } from '@tongban/engine';
import type { SimulationProfile, WorkflowFixture } from '@tongban/workflows';
import { createSeededRandom } from '../simulate/seeded-random.ts';
import { baselineProbability, brierScore, calibrationByDecile, type CalibrationBin, type Prediction } from './forecast-scores.ts';
import { forecastWorkflowOf } from './forecast-workflow.ts';
import type { DepartmentWork, EndedTask, OpenCaseState } from './forecast.types.ts';
import { measureDepartmentWork, type RecordedDecision } from './measure-department-work.ts';
import { createForecastModel } from './run-forecast.ts';
import { routeKey } from './route-table.ts';

/** A back-test: a simulated history of one workflow, forecast from its midpoint. */
export interface BackTestOptions {
  definition: WorkflowDefinition;
  profile: SimulationProfile | undefined;
  fixtures: readonly WorkflowFixture[];
  /** Cases filed, evenly over the history's working days. */
  cases: number;
  /** Working days of the history; the forecast starts at its midpoint and looks to its end. */
  days: number;
  /** How each department really works (keyed by department kind: one department per kind). */
  departments: readonly DepartmentWork[];
  runs: number;
  seed: number;
  /** Instant of the history's start (stamps the engine's snapshots only). */
  start: Date;
  today: string;
}

/** The back-test's figures. */
export interface BackTestReport {
  /** Tasks open at the midpoint, each a prediction scored. */
  tasks: number;
  breached: number;
  forecastBrier: number;
  baselineBrier: number;
  /** The baseline's rate: the share of limits that came due in the first half and were breached. */
  currentRate: number;
  forecastCalibration: CalibrationBin[];
  baselineCalibration: CalibrationBin[];
  /** Departments measured from the first half's decisions (else their profile stood in). */
  measured: string[];
}

/**
 * Replays a simulated history and forecasts from its midpoint: `cases` applications (the
 * fixtures' data) are filed over `days` working days and run by the forecast's own engine-driving
 * loop as one run of a world whose departments work as `departments` say (seed `seed`). At the
 * midpoint the open cases are taken as they stand, each department's work is measured from the
 * decisions of the first half (`measureDepartmentWork`), and the forecast runs from there over the
 * second half, not knowing the cases still to come. Each task open at the midpoint is a
 * prediction, scored against whether it breached by the end: the forecast's probability, and the
 * baseline's (`baselineProbability`: due date passes → breach at the current rate).
 *
 * Pure: performs no I/O.
 */
export function runBackTest(options: BackTestOptions): BackTestReport {
  const half = Math.floor(options.days / 2);
  const workflow = forecastWorkflowOf(options.definition, options.profile, options.fixtures);
  const key = `${options.definition.key}@${options.definition.version}`;
  const fixtures = options.fixtures.filter((f) => f.workflow === options.definition.key);
  const random = createSeededRandom(options.seed).fork('applications');
  const routes = new Map(levelSchema.options.flatMap((level) => options.departments.map((d) => [routeKey(d.departmentId, level), d.departmentId] as const)));
  const history: OpenCaseState[] = Array.from({ length: options.cases }, (_, index) => ({
    caseId: `case-${index}`,
    caseNumber: `BT-${String(index + 1).padStart(6, '0')}`,
    workflow: key,
    snapshot: undefined,
    arrivesOn: 1 + Math.floor((index * options.days) / options.cases),
    data: { ...(random.pick(fixtures).data) },
    suspension: undefined,
    tasks: [],
    routes,
  }));
  const truth = new Map(options.departments.map((d) => [d.departmentId, d]));
  const world = createForecastModel(
    { workflows: new Map([[key, workflow]]), cases: history, departments: truth, horizonDays: options.days, runs: 1, seed: options.seed, today: options.today },
    options.start,
  );
  let midpoint: OpenCaseState[] = [];
  const ended: EndedTask[] = [];
  world.run({}, { endOfDay: (day, cases) => (day === half ? (midpoint = cases()) : undefined), taskEnded: (task) => ended.push(task) });

  const endOf = new Map(ended.map((t) => [`${t.caseId}\u0000${t.taskId}`, t]));
  const firstHalf = ended.filter((t) => t.endedAt <= half);
  const decisions: RecordedDecision[] = firstHalf
    .filter((t) => t.how === 'decided' && t.departmentId !== undefined)
    .map((t) => ({ departmentId: t.departmentId as string, openedAt: t.openedAt - half, decidedAt: t.endedAt - half }));
  const measured = measureDepartmentWork(
    decisions,
    options.departments.map((d) => ({ departmentId: d.departmentId, name: d.name, clerks: d.clerks, profileTasksPerClerkPerDay: d.tasksPerClerkPerDay, profileHandlingDays: d.handlingDays })),
    half,
  );

  const cameDue = firstHalf.filter((t) => t.dueAt !== undefined && t.dueAt <= half);
  const openPast = midpoint.flatMap((c) => c.tasks).filter((t) => t.dueAt !== undefined && t.dueAt <= 0);
  const breachedSoFar = cameDue.filter((t) => t.endedAt > (t.dueAt as number)).length + openPast.length;
  const currentRate = cameDue.length + openPast.length === 0 ? 0 : breachedSoFar / (cameDue.length + openPast.length);

  const forecast = createForecastModel(
    { workflows: new Map([[key, workflow]]), cases: midpoint, departments: measured, horizonDays: options.days - half, runs: options.runs, seed: options.seed + 1, today: options.today },
    options.start,
  ).run();
  const forecastPredictions: Prediction[] = [];
  const baselinePredictions: Prediction[] = [];
  for (const task of forecast.tasks) {
    const end = endOf.get(`${task.caseId}\u0000${task.taskId}`);
    const breached = end !== undefined && end.dueAt !== undefined && end.endedAt > end.dueAt;
    forecastPredictions.push({ probability: task.breachProbability, breached });
    baselinePredictions.push({ probability: baselineProbability(task, options.days - half, currentRate), breached });
  }
  return {
    tasks: forecastPredictions.length,
    breached: forecastPredictions.filter((p) => p.breached).length,
    forecastBrier: brierScore(forecastPredictions),
    baselineBrier: brierScore(baselinePredictions),
    currentRate,
    forecastCalibration: calibrationByDecile(forecastPredictions),
    baselineCalibration: calibrationByDecile(baselinePredictions),
    measured: [...measured.values()].filter((d) => d.source === 'history').map((d) => d.departmentId),
  };
}
