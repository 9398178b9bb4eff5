export * from './diagnostic.types.ts';
export * from './parse-definition.ts';
export * from './validate.ts';
