export * from './health.routes.ts';
export * from './health.ts';
export * from './role-checks.ts';
