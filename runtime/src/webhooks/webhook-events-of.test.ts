import { describe, expect, it } from 'vitest';
import { webhookNoticesOf } from './webhook-events-of.ts';

describe('webhookNoticesOf', () => {
  it('turns acceptance, a 补正 suspension and completion into their webhook events with public data only', () => {
    const notices = webhookNoticesOf([
      { type: 'task.created', payload: { nodeId: 'review' } },
      { type: 'case.accepted', payload: { acceptedAt: '2026-03-02T01:00:00.000Z', deemed: false, promisedSla: { amount: 5 } } },
      { type: 'case.suspended', payload: { reason: 'supplement', nodeId: 'review', pausedTimers: [] } },
      { type: 'case.completed', payload: { result: 'approved', reason: null, nodeId: 'end', closedTasks: ['t1'] } },
    ]);
    expect(notices).toEqual([
      { event: 'case.accepted', data: { acceptedAt: '2026-03-02T01:00:00.000Z', deemed: false } },
      { event: 'case.supplementRequested', data: {} },
      { event: 'case.completed', data: { result: 'approved', reason: null } },
    ]);
  });

  it('ignores a suspension for another reason than 补正', () => {
    expect(webhookNoticesOf([{ type: 'case.suspended', payload: { reason: 'hearing' } }])).toEqual([]);
  });
});
