import { describe, expect, it } from 'vitest';
import { matchPath } from './router.ts';

describe('matchPath', () => {
  it('should return the decoded parameters of a matching path', () => {
    expect(matchPath('/cases/:id', '/cases/case%2F42')).toEqual({ id: 'case/42' });
    expect(matchPath('/tasks', '/tasks/')).toEqual({});
  });

  it('should return null when a fixed part or the number of parts differs', () => {
    expect(matchPath('/cases/:id', '/tasks/7')).toBeNull();
    expect(matchPath('/cases/:id', '/cases')).toBeNull();
    expect(matchPath('/cases/:id', '/cases/7/extra')).toBeNull();
  });
});
