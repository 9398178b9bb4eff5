/**
 * Tongban's benchmark suite: the figure format every benchmark writes, and the statistics it uses.
 * @module
 */
export * from './figures.ts';
export * from './statistics.ts';
