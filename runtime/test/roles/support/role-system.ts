import { startCompiledTongban, waitForReady, waitForUrl, type TestProcess } from '../../support/index.ts';

/** `tongban api` and `tongban worker` processes the test started on one PostgreSQL and one Redis. */
export interface RoleSystem {
  apis: TestProcess[];
  workers: TestProcess[];
  /** Base URL of each API, in the order of {@link RoleSystem.apis}. */
  apiUrls: string[];
  /** Base URL of each worker's health port, in the order of {@link RoleSystem.workers}. */
  workerHealthUrls: string[];
  /** SIGTERM to every process, then {@link stopProcesses}. */
  stop(): Promise<void>;
}

/**
 * Starts `apis` compiled `tongban api` and `workers` compiled `tongban worker` processes with
 * `env` (build first: `buildCompiled`), on free ports; resolves once each printed that it is ready.
 */
export async function startRoleSystem(env: Record<string, string>, counts: { apis: number; workers: number }): Promise<RoleSystem> {
  const apis = Array.from({ length: counts.apis }, () => startCompiledTongban(['api', '--port', '0'], env));
  const workers = Array.from({ length: counts.workers }, () => startCompiledTongban(['worker', '--health-port', '0'], env));
  const system: RoleSystem = { apis, workers, apiUrls: [], workerHealthUrls: [], stop: () => stopProcesses([...apis, ...workers]) };
  try {
    for (const api of apis) system.apiUrls.push(await waitForUrl(api));
    for (const worker of workers) system.workerHealthUrls.push((await waitForReady(worker)).healthUrl!);
  } catch (error) {
    await system.stop();
    throw error;
  }
  return system;
}

/**
 * For a test's cleanup: SIGTERM to each process still running, up to 30 s for them to exit, then
 * SIGKILL to whatever is left of them and of their children.
 */
export async function stopProcesses(processes: readonly (TestProcess | undefined)[]): Promise<void> {
  const started = processes.filter((p): p is TestProcess => p !== undefined);
  for (const process of started) if (process.running()) process.kill('SIGTERM');
  await Promise.all(started.map((p) => Promise.race([p.exited, new Promise((resolve) => setTimeout(resolve, 30_000))])));
  await Promise.all(started.map((p) => p.ensureStopped()));
}
