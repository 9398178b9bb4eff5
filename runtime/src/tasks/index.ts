export * from './check-completion.ts';
export * from './tasks.service.ts';
export * from './task-extensions.service.ts';
