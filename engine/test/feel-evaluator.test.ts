import { describe, expect, it } from 'vitest';
import { compile, evaluateFeel, FeelBudgetExceededError, isEngineError, step } from '../src/index.ts';
import type { FeelEvaluator } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { NOW } from './run-case.ts';

describe('step with a FEEL evaluator', () => {
  const { machine } = compile(loadWorkflow('conditional-branch'));
  const started = (data: Record<string, unknown>) =>
    step(machine, undefined, { type: 'case.start' }, NOW, { caseId: 'case-1', data }).snapshot;
  const completeIntake = { type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' } as const;

  it('should evaluate the conditions through the evaluator it is given', () => {
    const asked: string[] = [];
    const evaluator: FeelEvaluator = (expression, data) => {
      asked.push(expression);
      return evaluateFeel(expression, data);
    };
    const { effects } = step(machine, started({ tobacco: true }), completeIntake, NOW, undefined, { feel: evaluator });
    expect(asked).toContain('tobacco = true');
    expect(effects).toContainEqual({ type: 'createTask', taskId: 'tobacco-review#1', nodeId: 'tobacco-review' });
  });

  it('should let a budget error leave the step, and evaluate with feelin again after it', () => {
    const snapshot = started({ tobacco: true });
    const exceeded: FeelEvaluator = (expression) => {
      throw new FeelBudgetExceededError(expression, 'time', 'took longer than 1000 ms');
    };
    let thrown: unknown;
    try {
      step(machine, snapshot, completeIntake, NOW, undefined, { feel: exceeded });
    } catch (error) {
      thrown = error;
    }
    expect(isEngineError(thrown, 'feel-budget-exceeded')).toBe(true);
    expect(thrown).toMatchObject({ expression: 'tobacco = true', limit: 'time' });
    expect(step(machine, snapshot, completeIntake, NOW).effects).toContainEqual({
      type: 'createTask',
      taskId: 'tobacco-review#1',
      nodeId: 'tobacco-review',
    });
  });
});

describe('evaluateFeel', () => {
  it('should give the value and feelin warnings of an expression', () => {
    expect(evaluateFeel('seats > 50', { seats: 80 })).toEqual({ ok: true, value: true, warnings: [] });
    expect(evaluateFeel('seats > 50', {})).toMatchObject({ ok: true, value: null });
  });

  it('should describe a syntax error instead of throwing', () => {
    expect(evaluateFeel('seats >', {})).toMatchObject({ ok: false, syntax: true });
  });
});
