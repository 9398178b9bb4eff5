import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemVariables } from './system-under-test.ts';
import { startSystem } from './tongban-system.ts';

/** Everything `tongban start` prints during the run (overwritten by the next run). */
const logFile = fileURLToPath(new URL('../tongban-e2e.log', import.meta.url));

/**
 * Starts one Tongban for the whole run (fresh database, virtual clock, free port) and publishes
 * its URL and intake key to the workers through the environment; the returned function is the
 * global teardown, which stops it and removes its data.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const system = await startSystem({
    intakeApiKey: `e2e-intake-${randomUUID()}`,
    logFile,
    readyTimeoutMs: 180_000,
  });
  process.env[systemVariables.url] = system.url;
  process.env[systemVariables.intakeApiKey] = system.intakeApiKey;
  process.stderr.write(`e2e: Tongban at ${system.url} (data in ${system.dataRoot}, log ${path.relative(process.cwd(), logFile)})\n`);
  return () => system.stop();
}
