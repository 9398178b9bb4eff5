export * from './export-standalone-module.ts';
export * from './standalone-readme.ts';
