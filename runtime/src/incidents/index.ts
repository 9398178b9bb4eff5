export * from './incidents.service.ts';
