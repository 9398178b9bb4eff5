export * from './http-server.ts';
export * from './role-error.ts';
export * from './shutdown.ts';
export * from './start-role.ts';
