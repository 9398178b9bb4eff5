export * from './monitor.service.ts';
