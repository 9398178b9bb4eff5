import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { applyDefinitionChanges } from './apply-definition-changes.ts';
import { advanceSimulation, returnTargets, sendSimulationEvent, startSimulation, type SimulationState } from './simulation.ts';

const definition = definitionSchema.parse(fixture);
const calendar = cnMainlandCalendar;
/** Monday 2 March 2026, 09:00 in Shanghai. */
const monday = new Date('2026-03-02T09:00:00+08:00');

function complete(state: SimulationState, nodeId: string, outcome: string, data?: Record<string, unknown>): SimulationState {
  const task = state.tasks.find((open) => open.nodeId === nodeId);
  if (task === undefined) throw new Error(`no open task on ${nodeId}`);
  return sendSimulationEvent(state, { type: 'task.complete', nodeId, taskId: task.taskId, outcome, ...(data ? { data } : {}) }, calendar);
}

describe('simulation', () => {
  it('starts at the first task with its limits counted in working days', () => {
    const state = startSimulation(definition, calendar, { signArea: 4 }, monday);
    expect(state.activeNodeIds).toEqual(['intake']);
    expect(state.tasks).toHaveLength(1);
    const [intake] = state.tasks;
    expect(intake?.atRisk?.due.dueDate).toBe('2026-03-03');
    expect(intake?.breach?.due.dueDate).toBe('2026-03-09');
    expect(state.caseClock?.due.dueDate).toBe('2026-03-16');
  });

  it('counts a limit across the Qingming holiday on the real 2026 calendar', () => {
    const thursday = new Date('2026-04-02T10:00:00+08:00');
    const state = startSimulation(definition, calendar, { signArea: 4 }, thursday);
    expect(state.tasks[0]?.breach?.due.dueDate).toBe('2026-04-10');
  });

  it('runs a case through the parallel checks to its end', () => {
    let state = startSimulation(definition, calendar, { signArea: 4 }, monday);
    state = complete(state, 'intake', 'approve');
    expect(state.activeNodeIds.sort()).toEqual(['fire', 'urban']);
    state = complete(state, 'urban', 'approve');
    state = complete(state, 'fire', 'approve');
    expect(state.result).toBe('approved');
    expect(state.tasks).toEqual([]);
    expect(state.activeNodeIds).toEqual(['done']);
  });

  it('takes the conditioned path with the data a task adds', () => {
    let state = startSimulation(definition, calendar, {}, monday);
    state = complete(state, 'intake', 'approve', { signArea: 25 });
    state = complete(state, 'urban', 'approve');
    state = complete(state, 'fire', 'approve');
    expect(state.result).toBe('rejected');
  });

  it('pauses the clocks while the applicant supplements and moves the deadline by the pause', () => {
    let state = startSimulation(definition, calendar, { signArea: 4 }, monday);
    const before = state.tasks[0]?.breach?.due.dueAt.getTime() ?? 0;
    state = complete(state, 'intake', 'requestSupplement');
    expect(state.suspended).toBe(true);
    state = advanceSimulation(state, new Date('2026-03-04T09:00:00+08:00'), calendar);
    state = sendSimulationEvent(state, { type: 'case.supplement', data: { signArea: 4 } }, calendar);
    expect(state.suspended).toBe(false);
    const after = state.tasks[0]?.breach?.due.dueAt.getTime() ?? 0;
    expect(state.tasks[0]?.breach?.due.dueDate).toBe('2026-03-11');
    expect(after).toBeGreaterThan(before);
  });

  it('stops the clocks for an uncounted period and restarts them when it ends', () => {
    let state = startSimulation(definition, calendar, { signArea: 4 }, monday);
    state = complete(state, 'intake', 'approve');
    state = sendSimulationEvent(state, { type: 'case.suspend', reason: 'inspection' }, calendar);
    expect(state.suspension).toBe('inspection');
    expect(state.tasks.find((task) => task.nodeId === 'urban')?.breach?.remainingMinutes).toBeGreaterThan(0);
    state = advanceSimulation(state, new Date('2026-03-09T09:00:00+08:00'), calendar);
    state = sendSimulationEvent(state, { type: 'case.resume' }, calendar);
    expect(state.suspension).toBeUndefined();
    expect(state.tasks.find((task) => task.nodeId === 'urban')?.breach?.due.dueDate).toBe('2026-03-16');
  });

  it('sends each limit event once, promised before statutory, when time passes them', () => {
    let state = startSimulation(definition, calendar, { signArea: 4 }, monday);
    state = advanceSimulation(state, new Date('2026-03-10T09:00:00+08:00'), calendar);
    state = advanceSimulation(state, new Date('2026-03-11T09:00:00+08:00'), calendar);
    const limits = state.log.flatMap((entry) => (entry.event?.type === 'task.slaBreach' ? [entry.event.limit] : []));
    expect(limits).toEqual(['promised', 'statutory']);
    expect(state.tasks.map((task) => task.nodeId)).toEqual(['intake']);
  });

  it('leaves the task along its interrupting SLA edge when the statutory limit passes', () => {
    const withEdge = applyDefinitionChanges(definition, [
      { type: 'addEdge', edge: { id: 'e30', source: 'intake', target: 'refused', kind: 'slaBreach' } },
    ]);
    let state = startSimulation(withEdge, calendar, { signArea: 4 }, monday);
    state = advanceSimulation(state, new Date('2026-03-10T09:00:00+08:00'), calendar);
    expect(state.result).toBe('rejected');
    expect(state.log.some((entry) => entry.effect?.type === 'escalate')).toBe(true);
  });

  it('keeps the task open and notifies along a non-interrupting SLA edge', () => {
    const withLoop = applyDefinitionChanges(definition, [
      { type: 'addEdge', edge: { id: 'e31', source: 'intake', target: 'intake', kind: 'slaBreach', interrupting: false, limit: 'promised' } },
    ]);
    let state = startSimulation(withLoop, calendar, { signArea: 4 }, monday);
    state = advanceSimulation(state, new Date('2026-03-04T09:00:00+08:00'), calendar);
    expect(state.tasks.map((task) => task.nodeId)).toEqual(['intake']);
    expect(state.log.filter((entry) => entry.effect?.type === 'notify')).toHaveLength(1);
  });

  it('ends the case as withdrawn when the applicant withdraws, closing its open tasks', () => {
    let state = startSimulation(definition, calendar, {}, monday);
    state = complete(state, 'intake', 'approve');
    state = sendSimulationEvent(state, { type: 'case.withdraw' }, calendar);
    expect(state.result).toBe('withdrawn');
    expect(state.tasks).toEqual([]);
  });

  it('refuses a rejection without a reason from schema version 2 on, and takes one with it', () => {
    const current = { ...definition, schemaVersion: 2 as const };
    const state = startSimulation(current, calendar, {}, monday);
    const taskId = state.tasks[0]?.taskId ?? '';
    const reject = { type: 'task.complete' as const, nodeId: 'intake', taskId, outcome: 'reject' };
    expect(() => sendSimulationEvent(state, reject, calendar)).toThrow(expect.objectContaining({ code: 'reason-required' }));
    expect(sendSimulationEvent(state, { ...reject, reason: '材料不齐' }, calendar).result).toBe('rejected');
  });

  it('never moves the clock backwards', () => {
    const state = startSimulation(definition, calendar, {}, monday);
    expect(advanceSimulation(state, new Date('2026-03-01T09:00:00+08:00'), calendar).now).toBe(monday);
  });

  it('lists the return targets of a task', () => {
    expect(returnTargets(definition, 'urban')).toEqual(['intake']);
    expect(returnTargets(definition, 'fire')).toEqual([]);
  });
});
