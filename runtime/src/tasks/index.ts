export * from './check-completion.ts';
export * from './tasks.service.ts';
