import { execFileSync } from 'node:child_process';

/** Whether `pgbench` is on PATH. */
export function hasPgbench(): boolean {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Creates pgbench's tables (scale 10: 1,000,000 accounts) in the database at `url`. */
export function pgbenchInit(url: string): void {
  execFileSync('pgbench', ['-i', '-s', '10', '-q', url], { stdio: 'pipe' });
}

/**
 * TPS of pgbench's built-in simple-update script (`-N`: update an account, select it, insert a
 * history row, in one transaction) with `clients` connections for `seconds`, excluding connection
 * time, on the database at `url`.
 */
export function pgbenchSimpleUpdate(url: string, clients: number, seconds: number): number {
  const out = execFileSync('pgbench', ['-N', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const match = /tps = ([\d.]+)/.exec(out);
  if (!match) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(match[1]);
}
