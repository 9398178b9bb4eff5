import { compile, definitionSchema, openTasks, step } from '@tongban/engine';
import type { CaseEvent, Effect, MachineConfigJson, PersistedCaseSnapshot } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowFixtures } from '../src/index.ts';

const { machine } = compile(definitionSchema.parse(getWorkflow('open-restaurant')));
const smallCafe = workflowFixtures.find((fixture) => fixture.id === 'small-cafe');
const RECEIVED = new Date('2026-03-02T09:00:00+08:00');

/** A case of the small-café fixture's applicant, stepped by hand. */
class RestaurantCase {
  snapshot: PersistedCaseSnapshot;
  effects: Effect[];

  constructor(data: Record<string, unknown> = smallCafe?.data ?? {}) {
    ({ snapshot: this.snapshot, effects: this.effects } = step(machine, undefined, { type: 'case.start' }, RECEIVED, { caseId: 'r-1', data }));
  }

  send(event: CaseEvent, at = RECEIVED): Effect[] {
    ({ snapshot: this.snapshot, effects: this.effects } = step(machine as MachineConfigJson, JSON.parse(JSON.stringify(this.snapshot)), event, at));
    return this.effects;
  }

  complete(nodeId: string, outcome = 'approve', data: Record<string, unknown> = {}): Effect[] {
    const task = openTasks(machine, this.snapshot).find((open) => open.nodeId === nodeId);
    if (task === undefined) throw new Error(`No open task at '${nodeId}'`);
    return this.send({ type: 'task.complete', nodeId, taskId: task.taskId, outcome, data });
  }
}

describe('open-restaurant, with the elements of the full language', () => {
  it('starts the art. 32 timer at intake and deems the case accepted as of receipt when it fires first', () => {
    const restaurant = new RestaurantCase();
    expect(restaurant.effects).toContainEqual({
      type: 'scheduleTimer',
      timerId: 'intake#1/acceptance',
      nodeId: 'intake',
      duration: { amount: 5, unit: 'workingDay' },
      purpose: 'acceptance',
    });
    expect(restaurant.send({ type: 'timer.fired', nodeId: 'intake', timerId: 'intake#1/acceptance' }, new Date('2026-03-09T17:00:00+08:00'))).toEqual([
      { type: 'deemAccepted', nodeId: 'intake', taskId: 'intake#1', acceptedAt: RECEIVED.toISOString() },
    ]);
  });

  it('stops the art. 32 timer when the window asks for a supplement in time', () => {
    const restaurant = new RestaurantCase();
    expect(restaurant.complete('intake', 'requestSupplement', { supplementItems: '经营场所平面布局图' })).toEqual([
      { type: 'cancelTimer', timerId: 'intake#1/acceptance', nodeId: 'intake' },
      { type: 'suspendCase', reason: 'supplement', nodeId: 'intake', taskId: 'intake#1' },
    ]);
  });

  it('reminds at the promised limit of the food inspection and escalates at its statutory limit, the task staying open', () => {
    const restaurant = new RestaurantCase();
    restaurant.complete('intake');
    restaurant.complete('licence-check', 'approve', { businessLicenceNumber: '92310104MA1K2B3C4D' });
    restaurant.complete('food-review');
    const task = { nodeId: 'food-inspection', taskId: 'food-inspection#1' };
    expect(restaurant.send({ type: 'task.slaBreach', ...task, limit: 'promised' })).toEqual([
      { type: 'notify', ...task, edgeId: 'food-inspection--remind-promised', limit: 'promised' },
    ]);
    expect(restaurant.send({ type: 'task.slaBreach', ...task })).toEqual([
      { type: 'escalate', ...task, edgeId: 'food-inspection--escalate-statutory', limit: 'statutory' },
    ]);
    expect(openTasks(machine, restaurant.snapshot).map((open) => open.taskId)).toEqual(['food-inspection#1']);
  });

  it('starts only the branches that apply: the fire inspection for a public-gathering venue, the sign permit for a sign', () => {
    const venue = new RestaurantCase({ ...smallCafe?.data, publicGatheringVenue: true, area: 1200, outdoorSign: false });
    venue.complete('intake');
    expect(venue.complete('licence-check').filter((effect) => effect.type === 'createTask').map((effect) => effect.type === 'createTask' && effect.nodeId)).toEqual([
      'food-review',
      'fire-inspection-city',
    ]);
  });

  it('refuses a refusal without its reasons', () => {
    const restaurant = new RestaurantCase();
    expect(() => restaurant.complete('intake', 'reject')).toThrowError(
      "Outcome 'reject' of task 'intake' needs a reason; give it in 'reason' or in form field 'notAcceptedReason'",
    );
  });
});

describe('open-restaurant food inspection extension', () => {
  it('extends the inspection by up to 5 working days once a manager approves', () => {
    const restaurant = new RestaurantCase();
    restaurant.complete('intake');
    restaurant.complete('licence-check');
    restaurant.complete('food-review');
    const task = { nodeId: 'food-inspection', taskId: 'food-inspection#1' };
    expect(() => restaurant.send({ type: 'task.requestExtension', ...task, amount: 6, reason: '需第三方检测' })).toThrowError(
      "Extension of task 'food-inspection#1' refused: 6 workingDay asked, at most 5 workingDay allowed",
    );
    restaurant.send({ type: 'task.requestExtension', ...task, amount: 5, reason: '需第三方检测' });
    expect(restaurant.send({ type: 'task.approveExtension', ...task, approverRole: 'manager' })).toEqual([
      { type: 'extendDeadline', ...task, by: { amount: 5, unit: 'workingDay' } },
    ]);
  });
});
