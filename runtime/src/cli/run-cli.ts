import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the `tongban` executable of this package. */
export const tongbanBin = fileURLToPath(new URL('../../bin/tongban.mjs', import.meta.url));

/**
 * Node's arguments that run the `tongban` command line of the same build as this module: the
 * TypeScript sources when this module is one (tests, `npm run dev`), else `dist/`.
 */
export function tongbanArgs(args: readonly string[]): string[] {
  return [...(import.meta.url.endsWith('.ts') ? ['--conditions=@tongban/source'] : []), tongbanBin, ...args];
}

/** What a finished `tongban` process left. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `tongban` command line with `args` and collects its output (for tests and scripts). */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tongbanArgs(args), {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
