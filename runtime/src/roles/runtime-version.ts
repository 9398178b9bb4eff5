import { readFileSync } from 'node:fs';

/** The version of `@tongban/runtime` (its package.json), from the sources as from `dist/`. */
export const runtimeVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
