import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { runSimulation } from '../../src/simulate/run-simulation.ts';
import { simulationDefaults } from '../../src/simulate/simulation-options.ts';
import type { SimulationReport } from '../../src/simulate/simulation-report.ts';
import { startSimulationSystem, TEST_API_KEY, type SimulationSystem } from './support/simulation-system.ts';

let system: SimulationSystem;

beforeAll(async () => {
  system = await startSimulationSystem();
}, 120_000);

afterAll(async () => {
  await system?.close();
});

describe('npx tongban simulate', () => {
  it('prints the report as JSON on stdout and its progress on stderr, counting only its own cases', async () => {
    const args = ['simulate', '--workflow', 'open-restaurant', '--url', system.url, '--api-key', TEST_API_KEY, '--arrival-days', '1'];
    const text = await runCli([...args, '--cases', '2', '--seed', '3'], { timeoutMs: 120_000 });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Tongban simulation: open-restaurant v1');
    expect(text.stdout).toMatch(/Cases by result/);

    const json = await runCli([...args, '--cases', '3', '--seed', '4', '--json'], { timeoutMs: 120_000 });
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as SimulationReport;
    expect(report.cases.filed).toBe(3);
    expect(Object.values(report.cases.byResult).reduce((a, b) => a + b, 0)).toBe(3);
    expect(json.stderr).toMatch(/^round 1: \d+\/3 cases completed, 3 filed, clock 2026-03-0\dT/m);
    const [row] = await system.database.sql<{ n: number }[]>`select count(*)::int as n from cases`;
    expect(row?.n).toBe(5);
  }, 240_000);

  it('exits with code 2 naming an unusable flag', async () => {
    const result = await runCli(['simulate', '--workflow', 'open-restaurant', '--cases', 'many'], { timeoutMs: 60_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--cases <n>' argument 'many' is invalid");
  }, 60_000);

  it('exits with code 2 unless given exactly one of --workflow and --all', async () => {
    for (const args of [['--cases', '3'], ['--all', '--workflow', 'newborn', '--cases', '3']]) {
      const result = await runCli(['simulate', ...args], { timeoutMs: 60_000 });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('give either --workflow <key> or --all');
    }
  }, 120_000);

  it('refuses to run without a running system, saying where it looked', async () => {
    const result = await runCli(['simulate', '--workflow', 'open-restaurant', '--cases', '1', '--url', 'http://127.0.0.1:9'], { timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('http://127.0.0.1:9/api/v1/auth/login got no answer');
  }, 60_000);
});

describe('runSimulation', () => {
  it('refuses a system on the system clock', async () => {
    const wallClock = await startSimulationSystem({ virtualClock: false });
    try {
      await expect(
        runSimulation({ ...simulationDefaults, url: wallClock.url, workflow: 'open-restaurant', cases: 1, apiKey: TEST_API_KEY }),
      ).rejects.toMatchObject({ code: 'clock-not-virtual' });
      const [row] = await wallClock.database.sql<{ n: number }[]>`select count(*)::int as n from cases`;
      expect(row?.n).toBe(0);
    } finally {
      await wallClock.close();
    }
  }, 120_000);

  it('refuses a jurisdiction that does not exist', async () => {
    await expect(
      runSimulation({ ...simulationDefaults, url: system.url, workflow: 'open-restaurant', cases: 1, apiKey: TEST_API_KEY, jurisdictions: ['sh-minhang'] }),
    ).rejects.toMatchObject({ code: 'unknown-jurisdiction', message: expect.stringContaining("'sh-minhang'") });
  });
});
