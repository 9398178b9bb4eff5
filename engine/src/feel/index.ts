export * from './condition-error.types.ts';
export * from './evaluate-condition.ts';
export * from './evaluate-list.ts';
export * from './parse-condition.ts';
