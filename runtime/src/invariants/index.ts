export * from './case-findings.ts';
export * from './check-database.ts';
