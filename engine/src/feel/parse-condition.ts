import { parseExpression } from 'feelin';
import type { ConditionError } from './condition-error.types.ts';

/** FEEL built-ins that read the clock; a condition that calls them is not deterministic. */
const CLOCK_FUNCTIONS = new Set(['now', 'today']);

/** The result of parsing a condition. */
export type ParsedCondition =
  | {
      ok: true;
      /** Whether the condition calls `now()` or `today()`, which read the clock (validation refuses this). */
      readsClock: boolean;
    }
  | { ok: false; error: ConditionError };

/** Where parsing stopped and why, in the words of a syntax error. */
interface SyntaxProblem {
  from: number;
  to: number;
  reason: string;
}

/**
 * Parses a FEEL expression (the condition of an exclusive gateway's edge) with feelin's parser,
 * without evaluating it. Never throws.
 *
 * Strict: besides what the parser cannot read, it refuses what feelin reads but would not evaluate
 * as written: a comparison whose right side is itself a comparison test (`a = = true`,
 * `a > < 3`), which feelin takes for a unary test and evaluates to null, so the gateway would
 * silently take its default edge.
 *
 * Pure: performs no I/O.
 */
export function parseCondition(expression: string): ParsedCondition {
  const tree = parseExpression(expression, {}, undefined);
  let problem: SyntaxProblem | undefined;
  let readsClock = false;
  tree.iterate({
    enter(node) {
      if (problem !== undefined) return false;
      if (node.type.isError) {
        problem = { from: node.from, to: node.to, reason: node.from >= expression.trimEnd().length ? 'it ends too early' : 'unexpected text' };
        return false;
      }
      if (node.name === 'SimplePositiveUnaryTest' && node.node.parent?.name !== 'PositiveUnaryTest') {
        problem = { from: node.from, to: node.to, reason: 'a comparison operator follows another one' };
        return false;
      }
      if (node.name === 'FunctionInvocation') {
        const callee = node.node.firstChild;
        if (callee?.name === 'VariableName' && CLOCK_FUNCTIONS.has(expression.slice(callee.from, callee.to).trim())) {
          readsClock = true;
        }
      }
      return undefined;
    },
  });
  if (problem !== undefined) {
    return {
      ok: false,
      error: {
        code: 'feel-syntax-error',
        message: `FEEL condition '${expression}' does not parse at position ${problem.from}: ${problem.reason}`,
        position: { from: problem.from, to: problem.to },
      },
    };
  }
  return { ok: true, readsClock };
}
