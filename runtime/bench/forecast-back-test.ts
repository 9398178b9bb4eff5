/**
 * The forecast's back-test (`tsx bench/forecast-back-test.ts --cases N --days D --runs R --seed S`):
 * a simulated history of `open-restaurant` (N cases filed over D working days, `runBackTest`),
 * forecast from its midpoint with R runs, and the tasks open then scored against what happened:
 * the Brier score and calibration by decile of the forecast and of the naive baseline ("due date
 * passes → breach at the current rate"). Printed; the comparison is asserted on one seed by
 * `src/forecast/back-test.test.ts`.
 */
import { getCalendar, parseDefinition } from '@tongban/engine';
import { getWorkflow, simulationProfiles, workflowFixtures } from '@tongban/workflows';
import { openRestaurantWorld, runBackTest } from '../src/forecast/index.ts';

import { argument } from './bench-system.ts';

const { definition } = parseDefinition(getWorkflow('open-restaurant'));
if (!definition) throw new Error('open-restaurant does not parse');
getCalendar(definition.calendar);
const seeds = argument('seeds', 5);
const first = argument('seed', 1);
for (let seed = first; seed < first + seeds; seed += 1) {
  const report = runBackTest({
    definition,
    profile: simulationProfiles.find((p) => p.workflow === 'open-restaurant'),
    fixtures: workflowFixtures,
    cases: argument('cases', 600),
    days: argument('days', 40),
    departments: openRestaurantWorld(),
    runs: argument('runs', 200),
    seed,
    start: new Date('2026-03-02T09:00:00+08:00'),
    today: '2026-03-02',
  });
  console.log(
    `seed ${seed}: ${report.tasks} tasks open at the midpoint, ${report.breached} breached by the end; Brier forecast ${report.forecastBrier.toFixed(4)}, baseline ${report.baselineBrier.toFixed(4)} (current rate ${report.currentRate.toFixed(3)}); measured: ${report.measured.join(', ') || 'none'}`,
  );
  for (const [name, bins] of [['forecast', report.forecastCalibration], ['baseline', report.baselineCalibration]] as const) {
    console.log(`  ${name} calibration: ${bins.map((b) => `[${b.from.toFixed(1)},${b.to.toFixed(1)}) n=${b.count} predicted ${b.meanPredicted.toFixed(2)} observed ${b.observed.toFixed(2)}`).join('; ')}`);
  }
}
