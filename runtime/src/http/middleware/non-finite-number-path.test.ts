import { describe, expect, it } from 'vitest';
import { nonFiniteNumberPath } from './non-finite-number-path.ts';

describe('nonFiniteNumberPath', () => {
  it('should name the first number past the double range, as JSON.parse reads it', () => {
    expect(nonFiniteNumberPath(JSON.parse('{"data":{"area":1e309}}'))).toBe('data.area');
    expect(nonFiniteNumberPath(JSON.parse('{"list":[1,-1e400]}'))).toBe('list.1');
    expect(nonFiniteNumberPath(JSON.parse('{"a":1e999,"b":{"c":1e999}}'))).toBe('a');
    expect(nonFiniteNumberPath(JSON.parse('1e309'))).toBe('');
  });

  it('should pass finite numbers, the largest double among them', () => {
    expect(nonFiniteNumberPath(JSON.parse('{"a":[1.7976931348623157e308,-0,5e-324],"b":"1e309"}'))).toBeUndefined();
  });
});
