/**
 * `tongban simulate`: cases with varied applicant data driven through the HTTP API of a running
 * Tongban by simulated clerks on its virtual clock, and the report of the run.
 * @module
 */
export { ApiClient } from './api-client.ts';
export type { ApiClientOptions, ApiClientStats, ApiRequest, Credentials } from './api-client.ts';
export { applicantPool, generateApplication, supplementDocuments } from './application-generator.ts';
export type { Application, ApplicantPool, ApplicationContext, FilingPlace } from './application-generator.ts';
export { chooseOutcome } from './choose-outcome.ts';
export type { DecisionHistory, DecisionRates, OutcomeChoice } from './choose-outcome.ts';
export { createLimiter } from './concurrency-limit.ts';
export type { Limiter } from './concurrency-limit.ts';
export { decisionData, decisionTemplatesOf } from './decision-data.ts';
export type { DecisionContext, DecisionTemplate } from './decision-data.ts';
export { distributionOf, median, percentile } from './distribution.ts';
export type { Distribution } from './distribution.ts';
export * from './errors/index.ts';
export { formatReport } from './format-report.ts';
export { createProgress } from './progress.ts';
export type { ProgressSink } from './progress.ts';
export { runSimulation } from './run-simulation.ts';
export type { SimulationHooks } from './run-simulation.ts';
export { createSeededRandom } from './seeded-random.ts';
export type { SeededRandom } from './seeded-random.ts';
export { registerSimulateCommand } from './simulate-command.ts';
export { defaultRates, simulationDefaults } from './simulation-options.ts';
export type { SimulationOptions } from './simulation-options.ts';
export { buildReport, workingDayMinutes, workingDaysBetween } from './simulation-report.ts';
export type { DepartmentReport, ReportInput, RunFacts, SimulationReport, StepReport, StopReason, UnfinishedCase } from './simulation-report.ts';
