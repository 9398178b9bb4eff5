import { describe, expect, it } from 'vitest';
import { nulCharacterPath } from './nul-character-path.ts';

describe('nulCharacterPath', () => {
  it('finds U+0000 in a nested string, an array item and a key', () => {
    expect(nulCharacterPath({ a: { b: 'x\u0000' } })).toBe('a.b');
    expect(nulCharacterPath({ list: ['ok', 'n\u0000'] })).toBe('list.1');
    expect(nulCharacterPath({ ['k\u0000']: 1 })).toBe('k\\u0000');
    expect(nulCharacterPath('\u0000')).toBe('');
  });

  it('passes values without it', () => {
    expect(nulCharacterPath({ a: ['x', 1, null, true, { b: '\\u0000 escaped' }] })).toBeUndefined();
  });
});
