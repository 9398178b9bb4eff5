export * from './invalid-credentials.error.ts';
export * from './unauthenticated.error.ts';
