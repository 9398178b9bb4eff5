import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import './provided-context.ts';

/**
 * The run's Redis and a BullMQ key prefix unique to the caller, so test files never see each
 * other's queues.
 */
export function testRedis(): { url: string; prefix: string } {
  return { url: inject('tongbanRedisUrl'), prefix: `tongban-test-${randomBytes(6).toString('hex')}` };
}
