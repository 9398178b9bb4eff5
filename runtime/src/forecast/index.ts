/**
 * The forecast: open cases run forward on a virtual clock many times with measured department
 * work (`ForecastService`, `POST /monitor/forecast`), the pure model under it, and its back-test.
 * @module
 */
export { runBackTest } from './back-test.ts';
export type { BackTestOptions, BackTestReport } from './back-test.ts';
export { openRestaurantWorld } from './back-test-world.ts';
export { baselineProbability, brierScore, calibrationByDecile } from './forecast-scores.ts';
export type { BaselineTask, CalibrationBin, Prediction } from './forecast-scores.ts';
export { runForecastJob } from './forecast-job.ts';
export type { ForecastJob, ForecastJobResult } from './forecast-job.ts';
export { DEFAULT_FORECAST_BUDGET, FORECAST_RETRY_AFTER_SECONDS, ForecastPool } from './forecast-pool.ts';
export type { ComputeForecast, ForecastBudget } from './forecast-pool.ts';
export { forecastWorkflowOf, profileHandlingDays } from './forecast-workflow.ts';
export { ForecastService } from './forecast.service.ts';
export type { ForecastAnswer, ForecastDepartmentView, ForecastRequest, ForecastServiceOptions, ForecastTaskView } from './forecast.service.ts';
export type * from './forecast.types.ts';
export { measureDepartmentWork, MIN_DECISIONS } from './measure-department-work.ts';
export type { DepartmentStaff, RecordedDecision } from './measure-department-work.ts';
export { routeKey, routeTableOf } from './route-table.ts';
export type { RouteTable } from './route-table.ts';
export { createForecastModel } from './run-forecast.ts';
export type { ForecastModel } from './run-forecast.ts';
