export * from './redis-connection.ts';
export * from './service-queue.ts';
export * from './service.worker.ts';
export * from './timer-queue.ts';
export * from './timer.worker.ts';
export * from './webhook-queue.ts';
export * from './webhook.worker.ts';
