import { describe, expect, it } from 'vitest';
import { whatIfRequest } from './what-if-request.ts';

describe('whatIfRequest', () => {
  it('sums the changes of one department and leaves out zero changes and unfinished rows', () => {
    expect(
      whatIfRequest(
        [{ departmentId: 'a', delta: 2 }, { departmentId: 'a', delta: 1 }, { departmentId: 'b', delta: 1 }, { departmentId: 'b', delta: -1 }, { delta: 3 }, { departmentId: 'c' }],
        [],
      ),
    ).toEqual({ clerks: { a: 3 } });
  });

  it('keeps each closure once and drops rows without a day', () => {
    expect(whatIfRequest([], [{ departmentId: 'a', day: 2 }, { departmentId: 'a', day: 2 }, { departmentId: 'b', day: null }])).toEqual({ closures: [{ departmentId: 'a', day: 2 }] });
  });

  it('is undefined when nothing is asked', () => {
    expect(whatIfRequest([{ departmentId: 'a', delta: 0 }], [{ day: 1 }])).toBeUndefined();
  });
});
