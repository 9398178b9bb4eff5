export * from './access.ts';
export * from './load-organisation.ts';
export * from './organisation.ts';
export * from './viewer.ts';
