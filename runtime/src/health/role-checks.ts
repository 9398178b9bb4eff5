import type postgres from 'postgres';
import { pendingMigrations } from '../db/migrate.ts';
import type { Runtime } from '../runtime.ts';
import type { ReadinessCheck } from './health.ts';

/**
 * The readiness checks of a role: PostgreSQL answers, Redis answers, every migration is applied,
 * and (with `workers`) this process's timer and service workers run.
 */
export function roleChecks(runtime: Pick<Runtime, 'pingDatabase' | 'pingRedis' | 'workersRunning'>, sql: postgres.Sql, options: { workers: boolean }): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    { name: 'postgres', check: () => runtime.pingDatabase() },
    { name: 'redis', check: () => runtime.pingRedis() },
    {
      name: 'migrations',
      check: async () => {
        const pending = await pendingMigrations(sql);
        if (pending.length > 0) throw new Error(`not applied: ${pending.join(', ')}; run tongban migrate`);
      },
    },
  ];
  if (options.workers) {
    checks.push({
      name: 'workers',
      check: async () => {
        if (!runtime.workersRunning()) throw new Error('the timer and service workers are not running');
      },
    });
  }
  return checks;
}
