import { isEngineError } from '@tongban/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedFeelEvaluator } from './bounded-feel-evaluator.ts';

const evaluator = new BoundedFeelEvaluator({ timeoutMs: 1_000, maxOldGenerationSizeMb: 32 });

afterAll(async () => {
  await evaluator.close();
});

function budgetErrorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('BoundedFeelEvaluator', () => {
  it('answers an ordinary condition as feelin does', () => {
    expect(evaluator.evaluate('seats > 50', { seats: 80 })).toEqual({ ok: true, value: true, warnings: [] });
    expect(evaluator.evaluate('seats >', {})).toMatchObject({ ok: false, syntax: true });
  });

  it('ends a loop over a huge range with feel-budget-exceeded, and answers the next evaluation', () => {
    const error = budgetErrorOf(() => evaluator.evaluate('count(for i in 1..100000000 return i) > 0', {}));
    expect(isEngineError(error, 'feel-budget-exceeded')).toBe(true);
    expect(error).toMatchObject({ expression: 'count(for i in 1..100000000 return i) > 0' });
    expect(evaluator.evaluate('list contains(departments, "fire-rescue")', { departments: ['fire-rescue'] })).toMatchObject({ ok: true, value: true });
  });

  it('ends a list doubled in a context with feel-budget-exceeded, and answers the next evaluation', () => {
    const entries = Array.from({ length: 30 }, (_, i) => `l${i + 1}: concatenate(l${i}, l${i})`).join(', ');
    const error = budgetErrorOf(() => evaluator.evaluate(`count({ l0: [1, 2, 3, 4], ${entries} }.l30) > 0`, {}));
    expect(isEngineError(error, 'feel-budget-exceeded')).toBe(true);
    expect(evaluator.evaluate('seats > 50', { seats: 10 })).toMatchObject({ ok: true, value: false });
  });
});
