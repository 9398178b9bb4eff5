import { EngineError } from './engine-error.ts';

/**
 * Evaluating FEEL `expression` exceeded the host's budget (`limit`: `time` or `memory`): the step
 * stops and changes nothing. Thrown by a host's bounded `FeelEvaluator`; the host records an
 * incident on the case, and every other case runs on.
 */
export class FeelBudgetExceededError extends EngineError {
  readonly code = 'feel-budget-exceeded';
  readonly expression: string;
  readonly limit: 'time' | 'memory';

  constructor(expression: string, limit: 'time' | 'memory', detail: string) {
    super(`FEEL expression '${expression.length > 200 ? `${expression.slice(0, 200)}…` : expression}' exceeded its ${limit} budget: ${detail}`);
    this.expression = expression;
    this.limit = limit;
  }
}
