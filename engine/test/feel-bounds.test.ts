import { describe, expect, it } from 'vitest';
import { checkFeelBounds, FEEL_MAX_LENGTH, parseDefinition, validate } from '../src/index.ts';
import { fixtureNames, loadWorkflow, readFixture } from './load-fixture.ts';

const { bounded, unbounded } = readFixture('feel/bounds.json') as {
  bounded: string[];
  unbounded: { expression: string; code: string }[];
};

describe('checkFeelBounds', () => {
  it.each(bounded)('should accept %s, whose cost the case data bounds', (expression) => {
    expect(checkFeelBounds(expression)).toEqual([]);
  });

  it.each(unbounded)('should refuse $expression with $code', ({ expression, code }) => {
    expect(checkFeelBounds(expression).map((error) => error.code)).toContain(code);
  });

  it('should refuse an expression longer than the limit, and not one at the limit', () => {
    const at = `x = "${'a'.repeat(FEEL_MAX_LENGTH - 6)}"`;
    expect(at).toHaveLength(FEEL_MAX_LENGTH);
    expect(checkFeelBounds(at)).toEqual([]);
    expect(checkFeelBounds(`${at} `)[0]?.code).toBe('feel-too-long');
  });

  it('should quote the construct and where it is', () => {
    const expression = 'count(for i in 1..100000000 return i) > 0';
    const [error] = checkFeelBounds(expression);
    expect(error?.position).toEqual({ from: 6, to: 36 });
    expect(error?.message).toContain("'for i in 1..100000000 return i'");
  });

  it('should accept every condition and collection of the shipped workflow fixtures', () => {
    for (const name of fixtureNames('workflows')) {
      const definition = loadWorkflow(name);
      const expressions = [
        ...definition.edges.flatMap((edge) => (edge.condition === undefined ? [] : [edge.condition])),
        ...definition.nodes.flatMap((node) =>
          node.type === 'userTask' && typeof node.multiInstance?.items === 'string' ? [node.multiInstance.items] : [],
        ),
      ];
      for (const expression of expressions) expect([name, expression, checkFeelBounds(expression)]).toEqual([name, expression, []]);
    }
  });
});

describe('validate on FEEL bounds', () => {
  it('should name the gateway and the edge of an unbounded condition', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/feel-unbounded.json'));
    if (definition === undefined) throw new Error('the fixture parses');
    expect(validate(definition).find((diagnostic) => diagnostic.code === 'feel-unbounded')).toMatchObject({
      severity: 'error',
      nodeId: 'size',
      edgeId: 'e3',
      field: 'edges[2].condition',
    });
  });

  it('should refuse an unbounded multi-instance collection on its task', () => {
    const definition = loadWorkflow('multi-instance');
    const task = definition.nodes.find((node) => node.type === 'userTask' && typeof node.multiInstance?.items === 'string');
    if (task?.type !== 'userTask' || task.multiInstance === undefined) throw new Error('the fixture has a multi-instance task');
    task.multiInstance = { ...task.multiInstance, items: 'for i in 1..100000000 return string(i)' };
    expect(validate(definition).find((diagnostic) => diagnostic.code === 'feel-unbounded')).toMatchObject({
      nodeId: task.id,
      field: expect.stringContaining('multiInstance.items'),
    });
  });
});
