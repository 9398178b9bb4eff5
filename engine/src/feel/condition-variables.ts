import { parseExpression } from 'feelin';

/** A name a FEEL expression reads from its context, with where it stands in the expression. */
export interface ConditionVariable {
  name: string;
  from: number;
  to: number;
}

/** Names FEEL binds itself inside a filter (`items[item > 3]`). */
const IMPLICIT_NAMES = new Set(['item']);

/**
 * The case-data names a FEEL expression reads: the root of every variable or path
 * (`venue.area` reads `venue`), in the order they appear. Function names, the names a
 * `some`/`every`/`for` binds and the implicit `item` of a filter are not case data and are left
 * out. Empty when the expression does not parse. Never throws.
 *
 * Pure: performs no I/O.
 */
export function conditionVariables(expression: string): ConditionVariable[] {
  const tree = parseExpression(expression, {}, undefined);
  const bound = new Set(IMPLICIT_NAMES);
  const found: ConditionVariable[] = [];
  tree.iterate({
    enter(node) {
      if (node.name === 'InExpression' || node.name === 'FormalParameter') {
        const name = node.node.getChild('Name') ?? node.node.firstChild;
        if (name !== null) bound.add(expression.slice(name.from, name.to).trim());
      }
      if (node.name !== 'VariableName') return undefined;
      const parent = node.node.parent;
      if (parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) return false;
      if (parent?.name === 'PathExpression' && parent.firstChild?.from !== node.from) return false;
      found.push({ name: expression.slice(node.from, node.to).trim(), from: node.from, to: node.to });
      return false;
    },
  });
  return found.filter((variable) => !bound.has(variable.name));
}
