import { describe, expect, it } from 'vitest';
import { overdueBy } from './overdue-by.ts';

describe('overdueBy', () => {
  it('counts whole working days of the calendar and the hours left over', () => {
    expect(overdueBy(480, 480)).toEqual({ days: 1, hours: 0 });
    expect(overdueBy(2 * 480 + 150, 480)).toEqual({ days: 2, hours: 2 });
    expect(overdueBy(450, 450)).toEqual({ days: 1, hours: 0 });
  });

  it('shows an hour for any time under one that has passed, and nothing for none', () => {
    expect(overdueBy(20, 480)).toEqual({ days: 0, hours: 1 });
    expect(overdueBy(0, 480)).toEqual({ days: 0, hours: 0 });
  });
});
