export * from './redis-connection.ts';
export * from './timer-queue.ts';
export * from './timer.worker.ts';
