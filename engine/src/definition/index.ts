export * from './definition.schema.ts';
export * from './edge.schema.ts';
export * from './field-permissions.ts';
export * from './migrate-definition.ts';
export * from './node.schema.ts';
export * from './offered-outcomes.ts';
export * from './sla.schema.ts';
