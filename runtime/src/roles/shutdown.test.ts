import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Shutdown } from './shutdown.ts';

function harness(graceMs = 1_000) {
  const records: Record<string, unknown>[] = [];
  const lines: unknown[] = [];
  const exits: number[] = [];
  const write = (line: string) => {
    const record = JSON.parse(line) as Record<string, unknown>;
    records.push(record);
    lines.push(record.msg);
  };
  const shutdown = new Shutdown({ graceMs, log: pino({ base: undefined }, { write }), exit: (code) => exits.push(code) });
  return { shutdown, records, lines, exits };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Shutdown', () => {
  it('runs the steps in reverse order of adding, after the begin callbacks, then exits with code 0', async () => {
    const { shutdown, lines, exits } = harness();
    const order: string[] = [];
    shutdown.add({ name: 'servers', run: async () => void order.push('servers') });
    shutdown.add({ name: 'pool', run: async () => void order.push('pool') });
    shutdown.add({ name: 'HTTP server', run: async () => 'two connections cut' });
    shutdown.onBegin(() => order.push('readiness'));
    await shutdown.run('SIGTERM');
    expect(order).toEqual(['readiness', 'pool', 'servers']);
    expect(lines[0]).toBe('SIGTERM: shutting down (grace 1000 ms)');
    expect(lines[1]).toMatch(/^Shutdown: HTTP server stopped \(\d+ ms\); two connections cut$/);
    expect(lines.at(-1)).toMatch(/^Shutdown complete in \d+ ms$/);
    expect(exits).toEqual([0]);
  });

  it('logs its lines as JSON with the reason, each step and the durations as fields', async () => {
    const { shutdown, records } = harness();
    shutdown.add({ name: 'pool', run: async () => undefined });
    shutdown.add({ name: 'HTTP server', run: async () => 'two connections cut' });
    await shutdown.run('SIGTERM');
    expect(records.map(({ level, reason, graceMs, step, note }) => ({ level, reason, graceMs, step, note }))).toEqual([
      { level: 30, reason: 'SIGTERM', graceMs: 1_000, step: undefined, note: undefined },
      { level: 30, reason: undefined, graceMs: undefined, step: 'HTTP server', note: 'two connections cut' },
      { level: 30, reason: undefined, graceMs: undefined, step: 'pool', note: undefined },
      { level: 30, reason: 'SIGTERM', graceMs: undefined, step: undefined, note: undefined },
    ]);
    expect(records.slice(1).every((record) => typeof record.durationMs === 'number')).toBe(true);
    expect(records.at(-1)!.exitCode).toBe(0);
  });

  it('gives each step the instant its share of the grace period ends', async () => {
    const { shutdown } = harness(10_000);
    const untils: number[] = [];
    shutdown.add({ name: 'whole', run: async (until) => void untils.push(until) });
    shutdown.add({ name: 'share', by: 0.4, run: async (until) => void untils.push(until) });
    const began = Date.now();
    await shutdown.run('SIGTERM');
    expect(untils[0]! - began).toBeGreaterThanOrEqual(3_990);
    expect(untils[0]! - began).toBeLessThan(4_100);
    expect(untils[1]! - untils[0]!).toBeGreaterThanOrEqual(5_900);
  });

  it('runs once: a second call returns the first run', async () => {
    const { shutdown, exits } = harness();
    let runs = 0;
    shutdown.add({ name: 'pool', run: async () => void (runs += 1) });
    await Promise.all([shutdown.run('SIGTERM'), shutdown.run('SIGINT')]);
    expect([runs, exits]).toEqual([1, [0]]);
  });

  it('goes on after a step that fails, and exits with code 1 naming it', async () => {
    const { shutdown, lines, exits } = harness();
    let ran = false;
    shutdown.add({ name: 'pool', run: async () => void (ran = true) });
    shutdown.add({ name: 'workers', run: async () => Promise.reject(new Error('connection lost')) });
    await shutdown.run('SIGTERM');
    expect(ran).toBe(true);
    expect(lines).toContain('Shutdown: workers failed: connection lost');
    expect(exits).toEqual([1]);
  });

  it('exits with code 1 when the grace period runs out, naming the step running and those not run', async () => {
    const { shutdown, lines, exits } = harness(50);
    shutdown.add({ name: 'servers', run: async () => undefined });
    shutdown.add({ name: 'pool', run: async () => void (await tick(500)) });
    const running = shutdown.run('SIGTERM');
    await tick(150);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('The shutdown grace of 50 ms ran out: exiting now; cut short: pool, servers');
    await running;
    expect(exits).toEqual([1]);
  });

  it('exits at once with code 1 when forced, naming what was cut', async () => {
    const { shutdown, lines, exits } = harness();
    shutdown.add({ name: 'pool', run: async () => undefined });
    shutdown.add({ name: 'HTTP server', run: async () => void (await tick(200)) });
    const running = shutdown.run('SIGTERM');
    await tick(20);
    shutdown.force('SIGINT during the shutdown');
    expect(lines.at(-1)).toBe('SIGINT during the shutdown: exiting now; cut short: HTTP server, pool');
    await running;
    expect(exits).toEqual([1]);
  });

  it('exits with the code asked for, and prints nothing, when nothing was started', async () => {
    const { shutdown, lines, exits } = harness();
    await shutdown.run('tongban api did not start', 1);
    expect([lines, exits]).toEqual([[], [1]]);
  });
});
