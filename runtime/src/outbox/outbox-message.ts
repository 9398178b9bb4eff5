/** What an outbox row asks the dispatcher to do after the transaction that wrote it commits. */
export type OutboxMessage =
  | { topic: 'timer.schedule'; payload: { timerId: string; dueAt: string } }
  | { topic: 'timer.unschedule'; payload: { timerId: string } }
  | { topic: 'service.invoke'; payload: { invocationId: string; attempt: number } }
  | { topic: 'service.unqueue'; payload: { invocationId: string; attempt: number } }
  | { topic: 'webhook.deliver'; payload: { deliveryId: string } };

/** Topics of {@link OutboxMessage}. */
export type OutboxTopic = OutboxMessage['topic'];
