import { parseDefinition } from '@tongban/engine';
import type { UserTask, WorkflowDefinition } from '@tongban/engine';
import { getWorkflow } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import { chooseOutcome, type DecisionRates } from './choose-outcome.ts';
import { createSeededRandom } from './seeded-random.ts';

const restaurant = parseDefinition(getWorkflow('open-restaurant')).definition as WorkflowDefinition;
const node = (id: string) => restaurant.nodes.find((n) => n.id === id) as UserTask;
const NONE: DecisionRates = { returnRate: 0, rejectRate: 0, supplementRate: 0 };
const FREE = { mayLoop: true, maySupplement: true };

function shares(nodeId: string, rates: DecisionRates, history = FREE, n = 20_000, profile: Record<string, number> = {}): Record<string, number> {
  const random = createSeededRandom(1);
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i += 1) {
    const { outcome } = chooseOutcome(random.fork(String(i)), node(nodeId), restaurant.edges, rates, history, profile);
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([outcome, count]) => [outcome, count / n]));
}

describe('chooseOutcome', () => {
  it('approves when every rate is 0', () => {
    expect(shares('intake', NONE, FREE, 200)).toEqual({ approve: 1 });
  });

  it('decides each outcome at about its rate', () => {
    const intake = shares('intake', { returnRate: 0, rejectRate: 0.1, supplementRate: 0.2 });
    expect(intake.requestSupplement).toBeCloseTo(0.2, 1);
    expect(intake.reject).toBeCloseTo(0.8 * 0.1, 1);
    const review = shares('food-review', { returnRate: 0.1, rejectRate: 0.05, supplementRate: 0.5 });
    expect(review.requestSupplement).toBeUndefined();
    expect(review.return).toBeCloseTo(0.95 * 0.1, 1);
  });

  it('asks for a supplement and loops only once per node of a case', () => {
    expect(shares('intake', { returnRate: 1, rejectRate: 0, supplementRate: 1 }, { mayLoop: true, maySupplement: false }, 100)).toEqual({ approve: 1 });
    expect(shares('food-review', { returnRate: 1, rejectRate: 0, supplementRate: 0 }, { mayLoop: false, maySupplement: true }, 100)).toEqual({ approve: 1 });
  });

  it('takes an outcome the designer named at the return rate', () => {
    const inspection = shares('food-inspection', { returnRate: 0.2, rejectRate: 0, supplementRate: 0 });
    expect(inspection.rectify).toBeCloseTo(0.8 * 0.2, 1);
  });

  it('names one of several return targets', () => {
    const task: UserTask = { ...node('food-review'), id: 'review-2' };
    const edges = [
      { id: 'a', source: 'review-2', target: 'intake', outcome: 'return' },
      { id: 'b', source: 'review-2', target: 'licence-check', outcome: 'return' },
    ] as WorkflowDefinition['edges'];
    const random = createSeededRandom(2);
    const targets = new Set<string | undefined>();
    for (let i = 0; i < 100; i += 1) {
      const choice = chooseOutcome(random, task, edges, { returnRate: 1, rejectRate: 0, supplementRate: 0 }, FREE);
      expect(choice.outcome).toBe('return');
      targets.add(choice.returnTo);
    }
    expect([...targets].sort()).toEqual(['intake', 'licence-check']);
    expect(chooseOutcome(random, node('food-review'), restaurant.edges, { returnRate: 1, rejectRate: 0, supplementRate: 0 }, FREE)).toEqual({ outcome: 'return' });
  });

  it('takes the first outcome the designer named on a node without approve', () => {
    const task: UserTask = { ...node('intake'), outcomes: [{ id: 'eligible', label: '符合' }, { id: 'ineligible', label: '不符合' }] };
    expect(chooseOutcome(createSeededRandom(1), task, [], NONE, FREE)).toEqual({ outcome: 'eligible' });
  });

  it('draws the outcomes of a simulation profile at their shares, before the rates, within the loop and supplement bounds', () => {
    const inspection = shares('food-inspection', { returnRate: 0.5, rejectRate: 0, supplementRate: 0 }, FREE, 20_000, { rectify: 0.3 });
    expect(inspection.rectify).toBeCloseTo(0.3, 1);
    expect(inspection.return).toBeCloseTo(0.7 * 0.5, 1);
    expect(shares('food-inspection', NONE, { mayLoop: false, maySupplement: true }, 100, { rectify: 1 })).toEqual({ approve: 1 });
    expect(shares('intake', NONE, { mayLoop: true, maySupplement: false }, 100, { requestSupplement: 1 })).toEqual({ approve: 1 });
    expect(shares('intake', NONE, FREE, 100, { requestSupplement: 1 })).toEqual({ requestSupplement: 1 });
  });
});
