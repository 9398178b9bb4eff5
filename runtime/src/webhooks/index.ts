export * from './deliver-webhook.ts';
export * from './webhook-address-policy.ts';
export * from './webhook-dispatcher.ts';
export * from './webhook-signature.ts';
export * from './webhooks.service.ts';
