import { describe, expect, it } from 'vitest';
import { areasForRoles } from './areas.ts';

describe('areasForRoles', () => {
  it('should open Design to a designer, Tasks to a clerk and Monitor to managers and supervisors, their home first', () => {
    expect(areasForRoles(['designer'])).toEqual(['design', 'calendars']);
    expect(areasForRoles(['clerk'])).toEqual(['tasks']);
    expect(areasForRoles(['manager'])).toEqual(['monitor', 'calendars']);
    expect(areasForRoles(['supervisor'])).toEqual(['monitor', 'calendars']);
  });

  it('should open every area to an admin, in navigation order', () => {
    expect(areasForRoles(['admin'])).toEqual(['design', 'tasks', 'monitor', 'calendars']);
  });

  it('should merge the areas of several roles and ignore unknown roles', () => {
    expect(areasForRoles(['manager', 'clerk', 'auditor'])).toEqual(['tasks', 'monitor', 'calendars']);
    expect(areasForRoles([])).toEqual([]);
  });
});
