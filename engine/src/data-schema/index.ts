/**
 * Application data schemas: the safe subset of JSON Schema a definition's `dataSchema` is written
 * in, its limits, and the one validator of application data.
 * @module
 */
export { checkDataSchema, MAX_DATA_SCHEMA_DIAGNOSTICS } from './check-data-schema.ts';
export * from './data-schema-keywords.ts';
export * from './data-schema-limits.ts';
export * from './data-validator.ts';
export { compileLinearPattern, isLinearPattern } from './linear-pattern.ts';
export type { LinearPattern, PatternRefusal } from './linear-pattern.ts';
