import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const redisModule = fileURLToPath(new URL('./redis.ts', import.meta.url));

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('ServerProcess', () => {
  it('stops the server when the process that started it is killed with SIGKILL', async () => {
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `const m = await import(${JSON.stringify(redisModule)}); const r = await m.startLocalRedis(); console.log(r.port); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const port = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString('utf8').trim())));
      parent.once('exit', () => reject(new Error('the parent exited before printing the port')));
    });
    expect(await portAnswers(port)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while ((await portAnswers(port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await portAnswers(port)).toBe(false);
  });
});
