export * from './metrics.routes.ts';
export * from './system-figures.ts';
export * from './tongban-metrics.ts';
