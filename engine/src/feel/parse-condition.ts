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

/**
 * Parses a FEEL expression (the condition of an exclusive gateway's edge) with feelin's parser,
 * without evaluating it. Never throws.
 *
 * Pure: performs no I/O.
 */
export function parseCondition(expression: string): ParsedCondition {
  const tree = parseExpression(expression, {}, undefined);
  let errorAt: number | undefined;
  let readsClock = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError && errorAt === undefined) errorAt = node.from;
      if (node.name === 'FunctionInvocation') {
        const callee = node.node.firstChild;
        if (callee?.name === 'VariableName' && CLOCK_FUNCTIONS.has(expression.slice(callee.from, callee.to).trim())) {
          readsClock = true;
        }
      }
    },
  });
  if (errorAt !== undefined) {
    return {
      ok: false,
      error: {
        code: 'feel-syntax-error',
        message: `FEEL condition '${expression}' does not parse at position ${errorAt}`,
        position: { from: errorAt, to: errorAt },
      },
    };
  }
  return { ok: true, readsClock };
}
