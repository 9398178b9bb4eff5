export * from './cached-load.ts';
export * from './change-feed.ts';
