export * from './outbox-dispatcher.ts';
export * from './outbox-message.ts';
