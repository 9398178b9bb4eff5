import { describe, expect, it } from 'vitest';
import { conditionScope, conditionVariables, nearestNames, parseCondition, parseDefinition, validate } from '../src/index.ts';
import type { WorkflowDefinition } from '../src/index.ts';
import { readFixture } from './load-fixture.ts';

function unknownVariableFixture(condition: string): WorkflowDefinition {
  const input = readFixture('diagnostics/unknown-condition-variable.json') as { edges: { id: string; condition?: string }[] };
  const edges = input.edges.map((edge) => (edge.id === 'e3' ? { ...edge, condition } : edge));
  const { definition } = parseDefinition({ ...input, edges });
  if (definition === undefined) throw new Error('fixture does not parse');
  return definition;
}

describe('strict FEEL parsing', () => {
  it('refuses a doubled comparison operator and says where', () => {
    const parsed = parseCondition('answeredAtIntake = = true');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.position).toEqual({ from: 19, to: 25 });
    expect(parsed.error.message).toContain('position 19');
  });

  it('still accepts unary tests after in', () => {
    expect(parseCondition('seats in [10..50]').ok).toBe(true);
    expect(parseCondition('seats in > 5').ok).toBe(true);
    expect(parseCondition('kind in ("a", "b")').ok).toBe(true);
  });
});

describe('conditionVariables', () => {
  it('lists the case-data roots a condition reads, with positions', () => {
    expect(conditionVariables('venue.area >= 50 and seats > count(rooms)')).toEqual([
      { name: 'venue', from: 0, to: 5 },
      { name: 'seats', from: 21, to: 26 },
      { name: 'rooms', from: 35, to: 40 },
    ]);
  });

  it('leaves out the names a quantifier binds', () => {
    expect(conditionVariables('some room in rooms satisfies room.area > 20').map((variable) => variable.name)).toEqual(['rooms']);
  });
});

describe('nearestNames', () => {
  it('suggests the known names a small misspelling is close to, nearest first', () => {
    expect(nearestNames('seets', ['seats', 'sets', 'venueArea'])).toEqual(['seats', 'sets']);
    expect(nearestNames('VENUEAREA', ['venueArea'])).toEqual(['venueArea']);
    expect(nearestNames('tobacco', ['seats', 'venueArea'])).toEqual([]);
  });
});

describe('conditionScope', () => {
  it('knows the application fields and the form fields of upstream tasks only', () => {
    const definition = unknownVariableFixture('seats > 50');
    expect(conditionScope(definition, 'size').names).toEqual([
      { name: 'venueArea', source: 'application', label: 'Venue area' },
      { name: 'seats', source: 'task', nodeId: 'intake', label: 'Seats' },
    ]);
    expect(conditionScope(definition, 'intake').names.map((entry) => entry.name)).toEqual(['venueArea']);
  });
});

describe('unknown-condition-variable', () => {
  it('warns about a misspelt name with its position and the nearest known names', () => {
    const found = validate(unknownVariableFixture('seets > 50 or venueArea > 100')).filter((d) => d.code === 'unknown-condition-variable');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', edgeId: 'e3', field: 'edges[2].condition' });
    expect(found[0]?.message).toContain("'seets' at position 0");
    expect(found[0]?.message).toContain("did you mean 'seats'");
  });

  it('says nothing when every name is known', () => {
    expect(validate(unknownVariableFixture('seats > 50 or venueArea > 100'))).toEqual([]);
  });

  it('says nothing for a definition without a dataSchema', () => {
    const { dataSchema: _none, ...rest } = unknownVariableFixture('whatever > 1');
    expect(validate(rest).map((d) => d.code)).not.toContain('unknown-condition-variable');
  });
});
