export * from './case-executor.ts';
export * from './case-operations.service.ts';
export * from './case-unit.ts';
export * from './case-views.ts';
export * from './cases.service.ts';
export * from './check-case-data.ts';
export * from './task-view-of.ts';
export * from './transaction.ts';
