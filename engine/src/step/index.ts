export * from './active-nodes.ts';
export * from './case-result.ts';
export * from './is-suspended.ts';
export * from './open-tasks.ts';
export * from './step.ts';
export * from './step.types.ts';
