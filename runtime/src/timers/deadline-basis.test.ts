import { describe, expect, it } from 'vitest';
import { basisOf, firstBasis, withChange, withPauseEnded } from './deadline-basis.ts';

const from = new Date('2026-03-02T01:00:00.000Z');
const limit = { amount: 5, unit: 'workingDay' as const };

describe('deadline bases as stored on timers', () => {
  it('should keep the changes of a limit in the order they happened, and give them back as instants', () => {
    const stored = withChange(withChange(firstBasis(from, limit), { type: 'pause', from: '2026-03-03T01:00:00.000Z', to: '2026-03-05T01:00:00.000Z' }), {
      type: 'extend',
      by: { amount: 2, unit: 'workingDay' },
    });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(basisOf(stored)).toEqual({
      from,
      limit,
      changes: [
        { type: 'pause', from: new Date('2026-03-03T01:00:00.000Z'), to: new Date('2026-03-05T01:00:00.000Z') },
        { type: 'extend', by: { amount: 2, unit: 'workingDay' } },
      ],
    });
  });

  it('should end only a suspension that is still open', () => {
    const open = withChange(firstBasis(from, limit), { type: 'pause', from: '2026-03-03T01:00:00.000Z' });
    const ended = withPauseEnded(open, new Date('2026-03-04T01:00:00.000Z'));
    expect(ended.changes.at(-1)).toEqual({ type: 'pause', from: '2026-03-03T01:00:00.000Z', to: '2026-03-04T01:00:00.000Z' });
    expect(withPauseEnded(ended, new Date('2026-03-09T01:00:00.000Z'))).toBe(ended);
    expect(withPauseEnded(firstBasis(from, limit), new Date())).toEqual(firstBasis(from, limit));
  });
});
