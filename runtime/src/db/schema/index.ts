export * from './calendars.ts';
export * from './cases.ts';
export * from './definitions.ts';
export * from './organisation.ts';
export * from './timers.ts';
export * from './services.ts';
export * from './webhooks.ts';
