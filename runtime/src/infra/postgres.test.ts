import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './postgres.ts';
import type { EmbeddedPostgres } from './postgres.ts';

let baseDir: string;
let running: EmbeddedPostgres[];
let notices: string[];

beforeEach(async () => {
  baseDir = await mkdtemp(path.join(tmpdir(), 'tongban-pg-test-'));
  await chmod(baseDir, 0o755);
  running = [];
  notices = [];
});
afterEach(async () => {
  for (const server of running) await server.stop();
  await rm(baseDir, { recursive: true, force: true });
});

async function start(dataDir: string, extra: { fallbackRoot?: string } = {}): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, durable: false, notice: (line) => notices.push(line), ...extra });
  running.push(server);
  return server;
}

async function selectOne(url: string): Promise<number> {
  const sql = postgres(url, { max: 1 });
  try {
    const [row] = await sql<{ n: number }[]>`select 1 as n`;
    return row!.n;
  } finally {
    await sql.end();
  }
}

async function pidOfExitedProcess(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('startEmbeddedPostgres', () => {
  it('initialises a data directory, answers queries and keeps the data across a restart', async () => {
    const dataDir = path.join(baseDir, 'postgres');
    const first = await start(dataDir);
    const sql = postgres(first.url(), { max: 1 });
    await sql`create table kept (v text)`;
    await sql`insert into kept values ('still here')`;
    await sql.end();
    await first.stop();
    running = [];
    const second = await start(dataDir);
    const again = postgres(second.url(), { max: 1 });
    expect(await again`select v from kept`).toEqual([{ v: 'still here' }]);
    await again.end();
  });

  it('removes a postmaster.pid whose pid now belongs to another process, as after a crash', async () => {
    const dataDir = path.join(baseDir, 'postgres');
    const first = await start(dataDir);
    const lockFile = path.join(dataDir, 'postmaster.pid');
    const lock = await readFile(lockFile, 'utf8');
    await first.stop();
    running = [];
    await writeFile(lockFile, lock.replace(/^\d+/, String(process.pid)));
    const second = await start(dataDir);
    expect(await selectOne(second.url())).toBe(1);
    expect(notices.some((line) => line.includes('removed the stale'))).toBe(true);
  });

  it('shuts down a server whose Tongban process is gone before starting its own', async () => {
    const dataDir = path.join(baseDir, 'postgres');
    const orphan = await start(dataDir);
    await writeFile(`${dataDir}.owner`, `${await pidOfExitedProcess()}\n`);
    const second = await start(dataDir);
    expect(await selectOne(second.url())).toBe(1);
    expect(second.port).not.toBe(orphan.port);
    await expect(selectOne(orphan.url())).rejects.toThrow();
    expect(notices.some((line) => line.includes('left running'))).toBe(true);
  });

  it('refuses a data directory in use by another live Tongban process', async () => {
    const dataDir = path.join(baseDir, 'postgres');
    await start(dataDir);
    const owner = spawn('sleep', ['30']);
    try {
      await writeFile(`${dataDir}.owner`, `${owner.pid}\n`);
      await expect(start(dataDir)).rejects.toMatchObject({ code: 'postgres-already-running' });
    } finally {
      owner.kill();
    }
  });

  it.runIf(userInfo().uid === 0)(
    'keeps the data in the fallback folder, saying so, when the postgres user cannot reach the requested one',
    async () => {
      const closed = path.join(baseDir, 'closed');
      const fallbackRoot = path.join(baseDir, 'fallback');
      const { mkdir } = await import('node:fs/promises');
      await mkdir(closed, { mode: 0o700 });
      await chmod(closed, 0o700);
      const server = await start(path.join(closed, 'checkout', '.data', 'postgres'), { fallbackRoot });
      expect(server.dataDir.startsWith(path.join(fallbackRoot, 'data', 'checkout-'))).toBe(true);
      expect(await selectOne(server.url())).toBe(1);
      expect(notices).toEqual([expect.stringMatching(new RegExp(`cannot reach ${closed} \\(mode 700\\);.* data kept in ${server.dataDir}`))]);
    },
  );
});
