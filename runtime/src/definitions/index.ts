export * from './definition-store.ts';
export * from './definitions.service.ts';
