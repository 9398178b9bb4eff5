export * from './advance-clock.ts';
export * from './clock.ts';
export * from './virtual-clock.ts';
