/**
 * Tongban engine: the pure core. No I/O, no clock reads, no randomness: time and ids are parameters.
 * @module
 */
export * from './definition/index.ts';
export * from './calendar/index.ts';
export * from './data-schema/index.ts';
export * from './sla/index.ts';
export * from './errors/index.ts';
export * from './feel/index.ts';
export * from './validate/index.ts';
export * from './compile/index.ts';
export * from './step/index.ts';
export * from './bpmn/index.ts';
export * from './case-migration/index.ts';
export * from './standalone-export/index.ts';
