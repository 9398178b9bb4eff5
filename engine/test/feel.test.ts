import { describe, expect, it } from 'vitest';
import { evaluateCondition, parseCondition } from '../src/index.ts';

describe('parseCondition', () => {
  it('accepts a well-formed FEEL expression', () => {
    expect(parseCondition('seats > 50 and tobacco = true')).toEqual({ ok: true, readsClock: false });
  });

  it('reports where an incomplete expression stops parsing', () => {
    const parsed = parseCondition('seats >');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('feel-syntax-error');
    expect(parsed.error.position).toEqual({ from: 7, to: 7 });
    expect(parsed.error.message).toContain("'seats >'");
  });

  it('flags a condition that calls now() or today()', () => {
    expect(parseCondition('opening < today()')).toEqual({ ok: true, readsClock: true });
    expect(parseCondition('now() > deadline')).toEqual({ ok: true, readsClock: true });
  });

  it('does not mistake a variable path named now for the clock', () => {
    expect(parseCondition('schedule.now = true')).toEqual({ ok: true, readsClock: false });
  });
});

describe('evaluateCondition', () => {
  it('should yield the boolean a condition computes over case data', () => {
    expect(evaluateCondition('seats > 50', { seats: 80 })).toEqual({ value: true });
    expect(evaluateCondition('seats > 50', { seats: 20 })).toEqual({ value: false });
    expect(evaluateCondition('venue.area >= 50', { venue: { area: 60 } })).toEqual({ value: true });
  });

  it('should yield false with feel-not-boolean when a variable is missing', () => {
    const result = evaluateCondition('seats > 50', {});
    expect(result.value).toBe(false);
    expect(result.error?.code).toBe('feel-not-boolean');
    expect(result.error?.message).toContain("Variable 'seats' not found");
  });

  it('should yield false with feel-not-boolean for a non-boolean value', () => {
    const result = evaluateCondition('seats + 1', { seats: 3 });
    expect(result).toEqual({
      value: false,
      error: { code: 'feel-not-boolean', message: "FEEL condition 'seats + 1' yielded the number 4, not a boolean" },
    });
  });

  it('should yield false with feel-syntax-error instead of throwing on a broken expression', () => {
    const result = evaluateCondition('seats >', { seats: 3 });
    expect(result.value).toBe(false);
    expect(result.error?.code).toBe('feel-syntax-error');
  });
});
