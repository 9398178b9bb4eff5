export * from './diagnostic.types.ts';
export * from './parse-definition.ts';
export * from './validate.ts';
export { MAX_RETRY_DELAY_SECONDS } from './check-durations.ts';
export * from './condition-scope.ts';
