/**
 * SLA rules: deadlines of tasks and cases, SLA state, suspension (pause and resume), and the
 * `tongban due` report.
 * @module
 */
export * from './case-deadline.ts';
export * from './count-deadline.ts';
export * from './due-report.ts';
export * from './invalid-sla.error.ts';
export * from './pause-deadline.ts';
export * from './recompute-provisional.ts';
export * from './resume-deadline.ts';
export * from './sla-state.ts';
export * from './task-deadlines.ts';
