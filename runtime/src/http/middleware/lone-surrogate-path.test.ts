import { describe, expect, it } from 'vitest';
import { loneSurrogatePath } from './lone-surrogate-path.ts';

describe('loneSurrogatePath', () => {
  it('should name a string value or a key holding a lone surrogate', () => {
    expect(loneSurrogatePath(JSON.parse('{"applicant":{"name":"x\\udfff"}}'))).toBe('applicant.name');
    expect(loneSurrogatePath(JSON.parse('{"list":["ok","\\ud800"]}'))).toBe('list.1');
    expect(loneSurrogatePath(JSON.parse('{"k\\ud800":1}'))).toBe('k\ufffd');
    expect(loneSurrogatePath(JSON.parse('"\\ud800"'))).toBe('');
  });

  it('should pass surrogate pairs and every other string', () => {
    expect(loneSurrogatePath(JSON.parse('{"emoji":"\\ud83d\\ude00","张三":"𠀀"}'))).toBeUndefined();
  });
});
