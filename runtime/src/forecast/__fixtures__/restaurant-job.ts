import { levelSchema, parseDefinition } from '@tongban/engine';
import { getWorkflow, simulationProfiles, workflowFixtures } from '@tongban/workflows';
import { openRestaurantWorld } from '../back-test-world.ts';
import type { ForecastJob } from '../forecast-job.ts';
import { forecastWorkflowOf } from '../forecast-workflow.ts';
import type { OpenCaseState } from '../forecast.types.ts';
import { routeKey } from '../route-table.ts';
import { createForecastModel } from '../run-forecast.ts';

const NOW = new Date('2026-03-02T09:00:00+08:00');

/**
 * Twelve `open-restaurant` applications filed over three working days and run through them once
 * (as the back-test's history is), then forecast from there: open tasks, engine snapshots and
 * route tables, as a worker thread receives them.
 */
export function restaurantJob(): ForecastJob {
  const { definition } = parseDefinition(getWorkflow('open-restaurant'));
  if (!definition) throw new Error('open-restaurant does not parse');
  const key = `${definition.key}@${definition.version}`;
  const workflows = new Map([[key, forecastWorkflowOf(definition, simulationProfiles.find((p) => p.workflow === 'open-restaurant'), workflowFixtures)]]);
  const world = openRestaurantWorld();
  const departments = new Map(world.map((d) => [d.departmentId, d]));
  const routes = new Map(levelSchema.options.flatMap((level) => world.map((d) => [routeKey(d.departmentId, level), d.departmentId] as const)));
  const application = workflowFixtures.find((f) => f.workflow === 'open-restaurant')?.data ?? {};
  const filed: OpenCaseState[] = Array.from({ length: 12 }, (_, index) => ({
    caseId: `case-${index}`,
    caseNumber: `T-${index}`,
    workflow: key,
    snapshot: undefined,
    arrivesOn: 1 + (index % 3),
    data: { ...application },
    suspension: undefined,
    tasks: [],
    routes,
  }));
  let open: OpenCaseState[] = [];
  createForecastModel({ workflows, cases: filed, departments, horizonDays: 3, runs: 1, seed: 1, today: '2026-03-02' }, NOW).run({}, { endOfDay: (day, cases) => (day === 3 ? (open = cases()) : undefined) });
  return {
    input: { workflows, cases: open, departments, horizonDays: 10, runs: 50, seed: 2, today: '2026-03-02' },
    now: NOW,
    whatIf: { clerks: { 'market-regulation': -2 } },
  };
}
