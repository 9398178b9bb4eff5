export * from './escalate-breach.ts';
export * from './fire-timer.ts';
export * from './remind-task.ts';
export * from './task-clocks.ts';
export * from './timer-book.ts';
export * from './timer-id.ts';
