import { createServer, type Server } from 'node:net';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTree, startProcess, waitForUrl, waitUntilGone } from '../support/index.ts';
import type { TestProcess } from '../support/index.ts';
import { caseUnderReview, PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';

// `npm start` from the repository root, as the README says, on an embedded PostgreSQL and Redis of
// its own: its data in a temporary folder, its port a free one.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let dataRoot: string;

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(tmpdir(), 'tongban-npm-start-'));
  // As root, PostgreSQL runs as the 'postgres' user, which must reach the data folder's parent.
  await chmod(dataRoot, 0o755);
});

afterAll(async () => {
  await rm(dataRoot, { recursive: true, force: true });
});

/** `npm start`, with every process below it recorded while it runs. */
function npmStart(env: Record<string, string>): { npm: TestProcess; seen: Set<number> } {
  const npm = startProcess('npm', ['start'], { cwd: repoRoot, env: { TONGBAN_DATA_DIR: path.join(dataRoot, 'postgres'), ...env } });
  const seen = new Set<number>();
  const record = setInterval(() => {
    for (const pid of processTree(npm.pid)) seen.add(pid);
  }, 100);
  void npm.exited.then(() => clearInterval(record));
  return { npm, seen };
}

async function stopWith(signal: NodeJS.Signals, npm: TestProcess, seen: Set<number>): Promise<number> {
  for (const pid of processTree(npm.pid)) seen.add(pid);
  expect(seen.size).toBeGreaterThanOrEqual(4);
  const sent = Date.now();
  npm.kill(signal);
  expect(await npm.exited).toEqual({ code: 0, signal: null });
  const took = Date.now() - sent;
  expect(await waitUntilGone([...seen], 15_000)).toEqual([]);
  return took;
}

describe('npm start', () => {
  it('stops everything it started on SIGTERM to npm, and a timer due meanwhile fires once started again; likewise on SIGINT', async () => {
    const first = npmStart({ PORT: '0', TONGBAN_INTAKE_API_KEYS: PORTAL_KEY });
    let reviewTaskCase: string;
    try {
      const url = await waitForUrl(first.npm, 300_000);
      const client = remoteClient(url);
      await publishQuickReview(client);
      reviewTaskCase = (await caseUnderReview(client, client)).caseId;
      const took = await stopWith('SIGTERM', first.npm, first.seen);
      expect(took).toBeLessThan(25_000);
      expect(first.npm.output()).toMatch(/SIGTERM: shutting down[\s\S]*Shutdown: embedded PostgreSQL and Redis stopped[\s\S]*Shutdown complete/);
      console.log(`npm start stopped by SIGTERM in ${took} ms`);
    } finally {
      await first.npm.ensureStopped();
    }

    const second = npmStart({ PORT: '0', TONGBAN_INTAKE_API_KEYS: PORTAL_KEY });
    try {
      const url = await waitForUrl(second.npm, 300_000);
      expect(second.npm.output()).toMatch(/Workers started: [1-9]\d* pending timer\(s\) re-armed/);
      const client = remoteClient(url);
      const token = await client.login('huangpu.intake');
      const deadline = Date.now() + 30_000;
      let review: { slaState: string } | undefined;
      while (Date.now() < deadline) {
        const detail = await client.send('GET', `/api/v1/cases/${reviewTaskCase}`, undefined, { token });
        review = (detail.body.tasks as { nodeId: string; slaState: string }[]).find((t) => t.nodeId === 'review');
        if (review?.slaState === 'overdue') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(review?.slaState).toBe('overdue');
      const took = await stopWith('SIGINT', second.npm, second.seen);
      expect(took).toBeLessThan(25_000);
      console.log(`npm start stopped by SIGINT in ${took} ms`);
    } finally {
      await second.npm.ensureStopped();
    }
  }, 600_000);

  it('stops the PostgreSQL and Redis it started when the start-up fails, and exits with a non-zero code', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { npm, seen } = npmStart({ PORT: String(port) });
      try {
        const exit = await npm.exited;
        expect(exit.code).not.toBe(0);
        expect(npm.output()).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use`));
        expect(npm.output()).toMatch(/Shutdown: embedded PostgreSQL and Redis stopped/);
        expect(seen.size).toBeGreaterThanOrEqual(4);
        expect(await waitUntilGone([...seen], 15_000)).toEqual([]);
      } finally {
        await npm.ensureStopped();
      }
    } finally {
      taken.close();
    }
  }, 300_000);
});

