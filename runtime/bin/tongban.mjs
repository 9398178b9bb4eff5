#!/usr/bin/env node
/**
 * The `tongban` command. It runs the compiled command line in `dist/` (built by `npm run build`;
 * `npm install` and `npm start` build it). Started as `node --conditions=@tongban/source …`, it
 * runs the TypeScript sources through tsx instead, for development: the `#cli` import of
 * package.json chooses.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = import.meta.resolve('#cli');
if (main.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
} else if (!existsSync(fileURLToPath(main))) {
  console.error(
    'tongban: the command line is not built (runtime/dist is missing): run npm run build, ' +
      'or run the sources with node --conditions=@tongban/source runtime/bin/tongban.mjs',
  );
  process.exit(1);
}
await import(main);
