/**
 * Tongban runtime: durable case execution, the HTTP API and the tongban CLI.
 * @module
 */
export * from './cases/index.ts';
export * from './clock/index.ts';
export * from './definitions/index.ts';
export * from './errors/index.ts';
export * from './monitor/index.ts';
export * from './organisation/index.ts';
export * from './outbox/index.ts';
export * from './queues/index.ts';
export * from './runtime.ts';
export * from './tasks/index.ts';
export * from './timers/index.ts';
