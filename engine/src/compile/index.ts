export * from './case-context.ts';
export * from './compile.ts';
export * from './engine-version.ts';
export * from './implementations.ts';
export * from './machine-config.types.ts';
export * from './validate-and-compile.ts';
