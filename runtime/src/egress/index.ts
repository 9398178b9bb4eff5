export * from './egress-dispatcher.ts';
export * from './egress-policy.ts';
export * from './read-body-within.ts';
