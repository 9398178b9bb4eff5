export * from './create-logger.ts';
export * from './log-adapters.ts';
