import { describe, expect, it } from 'vitest';
import { sample } from '../../test/support/prometheus-text.ts';
import type { DatabaseFigures } from './system-figures.ts';
import { TongbanMetrics, type SystemSource } from './tongban-metrics.ts';

const FIGURES: DatabaseFigures = {
  timersPending: 7,
  timersOverdue: 2,
  openTasksBySla: { onTrack: 5, atRisk: 1, overdue: 3, met: 0, breached: 0, cancelled: 0 },
  openIncidents: 1,
  outboxPending: 4,
  outboxLagSeconds: 1.5,
};

function recordingLogger() {
  const errors: string[] = [];
  return { errors, logger: { info: () => undefined, error: (message: string) => void errors.push(message) } };
}

describe('TongbanMetrics', () => {
  it('reads the system gauges once per scrape, shared by every gauge and by a scrape arriving meanwhile', async () => {
    let reads = 0;
    const source: SystemSource = {
      queueJobCounts: async () => ({ timers: { delayed: 3, wait: 0 } }),
      databaseFigures: async () => {
        reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return FIGURES;
      },
    };
    const metrics = new TongbanMetrics('worker');
    metrics.watchSystem(source, recordingLogger().logger);
    const [first, second] = await Promise.all([metrics.exposition(), metrics.exposition()]);
    expect(reads).toBe(1);
    for (const text of [first, second]) {
      expect(sample(text, 'tongban_timers_overdue', { role: 'worker' })).toBe(2);
      expect(sample(text, 'tongban_open_tasks', { sla_state: 'overdue' })).toBe(3);
      expect(sample(text, 'tongban_queue_jobs', { queue: 'timers', state: 'delayed' })).toBe(3);
      expect(sample(text, 'tongban_outbox_lag_seconds')).toBe(1.5);
    }
    await metrics.exposition();
    expect(reads).toBe(2);
  });

  it('still answers when a source fails: its up gauge turns 0, its gauges keep their last values, the error is logged', async () => {
    let failing = false;
    const source: SystemSource = {
      queueJobCounts: async () => ({ services: { wait: 2 } }),
      databaseFigures: async () => {
        if (failing) throw new Error('connection refused');
        return FIGURES;
      },
    };
    const { errors, logger } = recordingLogger();
    const metrics = new TongbanMetrics('api');
    metrics.watchSystem(source, logger);
    expect(sample(await metrics.exposition(), 'tongban_system_source_up', { source: 'postgres' })).toBe(1);
    failing = true;
    const text = await metrics.exposition();
    expect(sample(text, 'tongban_system_source_up', { source: 'postgres' })).toBe(0);
    expect(sample(text, 'tongban_system_source_up', { source: 'redis' })).toBe(1);
    expect(sample(text, 'tongban_timers_pending')).toBe(7);
    expect(errors).toEqual(['Metrics: the database figures could not be read']);
  });

  it('labels the request and step histograms with what they are given and the role', async () => {
    const metrics = new TongbanMetrics('start');
    metrics.observeRequest({ method: 'POST', route: '/api/v1/tasks/:id/complete', status: 200, seconds: 0.03 });
    metrics.observeStep('task', 'error', 0.2);
    const text = await metrics.exposition();
    expect(sample(text, 'tongban_http_request_duration_seconds_count', { role: 'start', route: '/api/v1/tasks/:id/complete', status: '200' })).toBe(1);
    expect(sample(text, 'tongban_http_request_duration_seconds_bucket', { route: '/api/v1/tasks/:id/complete', le: '0.05' })).toBe(1);
    expect(sample(text, 'tongban_case_step_duration_seconds_count', { kind: 'task', outcome: 'error' })).toBe(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds', { role: 'start' })).toBeGreaterThanOrEqual(0);
  });
});
