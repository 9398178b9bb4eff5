import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StandaloneExport } from '../src/index.ts';

/** A snapshot of a standalone module's actor, as far as the tests read it. */
export interface StandaloneSnapshot {
  status: string;
  output?: { result: string };
  context: { data: Record<string, unknown>; tasks: Record<string, string> } & Record<string, unknown>;
}

/** What an exported module offers, as far as the tests use it. */
export interface StandaloneModule {
  createCaseActor(
    input: unknown,
    options: { onEffect: (effect: { type: string; params: { nodeId?: string } }) => void; snapshot?: unknown },
  ): { start(): void; send(event: Record<string, unknown>): void; getSnapshot(): StandaloneSnapshot; getPersistedSnapshot(): unknown };
  withCaseIds(context: unknown, event: Record<string, unknown>): Record<string, unknown> & { type: string };
}

const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * An empty folder whose node_modules holds only `xstate` and `feelin`, linked from the
 * repository's; `load` writes an exported module into it and imports it with a plain `import()`.
 */
export function standaloneFolder(): { load(exported: StandaloneExport): Promise<StandaloneModule>; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'tongban-standalone-'));
  mkdirSync(join(folder, 'node_modules'));
  for (const name of ['xstate', 'feelin']) symlinkSync(join(repo, 'node_modules', name), join(folder, 'node_modules', name), 'dir');
  return {
    async load(exported) {
      const file = join(folder, exported.fileName);
      writeFileSync(file, exported.module);
      return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as StandaloneModule;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
