import { describe, expect, it } from 'vitest';
import { parseTimerId, timerIdOf } from './timer-id.ts';

describe('timer ids', () => {
  it('carry case, activation, kind and generation, without the colon BullMQ refuses', () => {
    const id = timerIdOf('c1', 'review#2', 'taskBreach', 3);
    expect(id).toBe('c1.review#2.taskBreach.g3');
    expect(timerIdOf('c1', 'a:b', 'taskAtRisk', 1)).not.toContain(':');
  });

  it('parse back into their parts', () => {
    expect(parseTimerId('c1.case.caseAtRisk.g2')).toEqual({ caseId: 'c1', owner: 'case', kind: 'caseAtRisk', generation: 2 });
    expect(() => parseTimerId('c1.case')).toThrow(/not a timer id/);
  });
});
