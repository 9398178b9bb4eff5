import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/infra/free-port.ts';
import { ServerProcess } from '../../src/infra/server-process.ts';

const run = promisify(execFile);

/** A Redis Cluster of masters without replicas, each a `redis-server` child process on 127.0.0.1. */
export interface LocalRedisCluster {
  /** `redis+cluster://127.0.0.1:P1,127.0.0.1:P2,…`, as Tongban's `REDIS_URL` takes it. */
  url: string;
  ports: number[];
  stop(): Promise<void>;
}

/**
 * Starts `masters` `redis-server --cluster-enabled yes` on free ports (each also needs its port +
 * 10 000 for the cluster bus), without persistence and with `maxmemory-policy noeviction`, joins
 * them with `redis-cli --cluster create … --cluster-replicas 0 --cluster-yes`, and resolves once
 * every node reports `cluster_state:ok`.
 */
export async function startLocalRedisCluster(masters = 3): Promise<LocalRedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tongban-redis-cluster-'));
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop(10_000)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    while (ports.length < masters) {
      const port = await freePort();
      if (port > 55_535 || ports.includes(port)) continue;
      try {
        servers.push(await startNode(port, dir));
        ports.push(port);
      } catch (error) {
        if (!(error instanceof Error && /Address already in use/.test(error.message))) throw error;
      }
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
    const deadline = Date.now() + 30_000;
    for (const port of ports) {
      for (;;) {
        const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
        if (stdout.includes('cluster_state:ok')) break;
        if (Date.now() > deadline) throw new Error(`The Redis Cluster node on port ${port} never reported cluster_state:ok:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return { url: `redis+cluster://${nodes.join(',')}`, ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startNode(port: number, dir: string): Promise<ServerProcess> {
  return ServerProcess.start({
    name: `redis-server (cluster node ${port})`,
    command: 'redis-server',
    args: [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--cluster-enabled', 'yes',
      '--cluster-config-file', `nodes-${port}.conf`,
      '--cluster-node-timeout', '5000',
      '--save', '',
      '--appendonly', 'no',
      '--dir', dir,
      '--maxmemory-policy', 'noeviction',
    ],
    readyText: 'Ready to accept connections',
    stopSignal: 'TERM',
    cwd: dir,
  });
}
