export * from './department-users.ts';
export * from './notifications.service.ts';
