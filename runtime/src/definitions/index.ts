export * from './definition-store.ts';
export * from './definitions.service.ts';
export * from './version-conflict.error.ts';
