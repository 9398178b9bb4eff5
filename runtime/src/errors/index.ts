export * from './clock-not-virtual.error.ts';
export * from './conflict.error.ts';
export * from './definition-invalid.error.ts';
export * from './forbidden.error.ts';
export * from './idempotency-key-reused.error.ts';
export * from './invalid-input.error.ts';
export * from './not-found.error.ts';
export * from './tongban-error.ts';
