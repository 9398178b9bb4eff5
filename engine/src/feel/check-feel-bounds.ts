import { parseExpression } from 'feelin';
import type { FeelBoundError } from './feel-bound-error.types.ts';
import {
  FEEL_ALLOWED_FUNCTIONS,
  FEEL_BUILDING_FUNCTIONS,
  FEEL_MAX_BUILDING_OPERATIONS,
  FEEL_MAX_ITERATION_DEPTH,
  FEEL_MAX_LENGTH,
} from './feel-limits.ts';

/** Constructs refused wherever they appear, with why. */
const REFUSED: Readonly<Record<string, string>> = {
  ForExpression: "'for' builds a list as long as its range, which the expression, not the case data, sets",
  FunctionDefinition: 'a function definition can call itself without end',
  Context: 'a context literal can name a list and double it in each entry',
};

/** Nodes that iterate over a list, with the token their body (run once per item) starts at. */
const ITERATIONS: Readonly<Record<string, string>> = { QuantifiedExpression: 'satisfies', FilterExpression: '[' };

/** A node of feelin's parse tree (a lezer `SyntaxNode`), as far as this check reads it. */
interface TreeNode {
  name: string;
  from: number;
  to: number;
  parent: TreeNode | null;
  getChild(name: string): TreeNode | null;
}

/** How many iterations run `node` once per item: itself and each iteration whose body holds it. */
function iterationDepth(node: TreeNode): number {
  let depth = 1;
  for (let ancestor = node.parent; ancestor !== null; ancestor = ancestor.parent) {
    const token = ITERATIONS[ancestor.name];
    const body = token === undefined ? null : ancestor.getChild(token);
    if (body !== null && body.from <= node.from) depth += 1;
  }
  return depth;
}

/**
 * Checks that the cost of FEEL `expression` is bounded by the case data: an allow-list over its
 * parsed tree (see `engine/docs/feel.md`). Returns one error per offending construct, in order;
 * none for an expression within the limits. An expression that does not parse gives none here
 * (`parseCondition` reports it).
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * checkFeelBounds('seats > 50'); // []
 * checkFeelBounds('count(for i in 1..100000000 return i) > 0')[0]?.code; // 'feel-unbounded'
 * ```
 */
export function checkFeelBounds(expression: string): FeelBoundError[] {
  if (expression.length > FEEL_MAX_LENGTH) {
    return [
      {
        code: 'feel-too-long',
        message: `FEEL expression is ${expression.length} characters long; at most ${FEEL_MAX_LENGTH} are allowed`,
        position: { from: FEEL_MAX_LENGTH, to: expression.length },
      },
    ];
  }
  const errors: FeelBoundError[] = [];
  const text = (node: { from: number; to: number }): string => expression.slice(node.from, node.to);
  const at = (node: { from: number; to: number }): { from: number; to: number } => ({ from: node.from, to: node.to });
  let building = 0;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      const refused = REFUSED[node.name];
      if (refused !== undefined) {
        errors.push({ code: 'feel-unbounded', message: `'${text(node)}': ${refused}`, position: at(node) });
        return false;
      }
      if (node.name === 'IterationContext' && node.node.getChild('..') !== null) {
        errors.push({
          code: 'feel-unbounded',
          message: `'${text(node)}': 'some' and 'every' iterate over a list of the case data, not over a range`,
          position: at(node),
        });
      }
      if (ITERATIONS[node.name] !== undefined && iterationDepth(node.node as TreeNode) > FEEL_MAX_ITERATION_DEPTH) {
        errors.push({
          code: 'feel-unbounded',
          message: `'${text(node)}': iterations over lists nest at most ${FEEL_MAX_ITERATION_DEPTH} deep`,
          position: at(node),
        });
      }
      if (node.name === 'ArithOp' && text(node) === '+') building += 1;
      if (node.name === 'FunctionInvocation') {
        const callee = node.node.firstChild;
        const name = callee?.name === 'VariableName' ? text(callee).replace(/\s+/g, ' ').trim() : undefined;
        if (name === undefined || !FEEL_ALLOWED_FUNCTIONS.has(name)) {
          errors.push({
            code: 'feel-function-not-allowed',
            message: `'${callee ? text(callee) : text(node)}' is not one of the functions a condition may call (engine/docs/feel.md lists them)`,
            position: at(callee ?? node),
          });
        } else if (FEEL_BUILDING_FUNCTIONS.has(name)) {
          building += 1;
        }
      }
      return undefined;
    },
  });
  if (building > FEEL_MAX_BUILDING_OPERATIONS) {
    errors.push({
      code: 'feel-unbounded',
      message: `FEEL expression builds strings or lists ${building} times ('+', 'concatenate', 'append', ...); at most ${FEEL_MAX_BUILDING_OPERATIONS} are allowed`,
      position: { from: 0, to: expression.length },
    });
  }
  return errors;
}
