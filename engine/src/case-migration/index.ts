export * from './case-migration.types.ts';
export * from './plan-case-migration.ts';
