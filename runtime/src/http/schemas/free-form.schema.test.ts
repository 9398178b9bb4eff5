import { describe, expect, it } from 'vitest';
import { freeFormObject, freeFormProblem, type FreeFormLimits } from './free-form.schema.ts';

const limits: FreeFormLimits = { maxKeys: 3, maxKeyLength: 5, maxStringLength: 4, maxArrayLength: 2, maxBytes: 60 };

describe('freeFormProblem', () => {
  it('should pass a value within every bound', () => {
    expect(freeFormProblem({ a: 'abcd', b: [1, { c: 'x' }] }, limits)).toBeUndefined();
  });

  it('should name the first string, array or object past its bound, in document order', () => {
    expect(freeFormProblem({ a: 'ok', b: { c: 'abcde' }, d: 'abcde' }, limits)).toEqual({ path: ['b', 'c'], message: 'is 5 characters long; at most 4' });
    expect(freeFormProblem({ a: [1, 2, 3] }, limits)).toEqual({ path: ['a'], message: 'has 3 items; at most 2' });
    expect(freeFormProblem({ a: [0, { b: 1, c: 2, d: 3, e: 4 }] }, limits)).toEqual({ path: ['a', 1], message: 'has 4 keys; at most 3' });
    expect(freeFormProblem({ abcdef: 1 }, limits)?.message).toContain('a key of 6 characters');
  });

  it('should refuse a value too large as JSON as a whole', () => {
    const value = { a: 'abcd', b: '张三', c: [{ a: 'abcd', b: 'abcd', c: 'abcd' }, 'abcd'] };
    const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
    expect(bytes).toBeGreaterThan(limits.maxBytes);
    expect(freeFormProblem(value, limits)).toEqual({ path: [], message: `is ${bytes} bytes as JSON; at most 60` });
  });

  it('should walk a value nested far deeper than the call stack allows', () => {
    const deep = JSON.parse('{"a":'.repeat(20_000) + '"abcde"' + '}'.repeat(20_000));
    expect(freeFormProblem(deep, { ...limits, maxBytes: 1_000_000 })?.path).toHaveLength(20_000);
  });
});

describe('freeFormObject', () => {
  it('should report the bound passed at the path of the value', () => {
    const result = freeFormObject(limits, 'Test data').safeParse({ a: { b: 'abcde' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['a', 'b'], message: 'is 5 characters long; at most 4' })]);
  });
});
