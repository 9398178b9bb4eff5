export * from './deliver-webhook.ts';
export * from './webhook-signature.ts';
export * from './webhooks.service.ts';
