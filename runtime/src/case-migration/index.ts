export * from './case-migration.service.ts';
export * from './migration-report.ts';
