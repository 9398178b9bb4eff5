import { definitionSchema } from '@tongban/engine';
import type { WorkflowDefinitionInput } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { walkPaths } from './helpers/walk-paths.ts';

const task = (id: string, outcomes: string[]) => ({
  id,
  name: `任务${id}`,
  type: 'userTask' as const,
  department: 'service-hall',
  candidateRole: 'clerk',
  outcomes: outcomes.map((outcome) => ({ id: outcome, label: outcome })),
});

const reviewLoop: WorkflowDefinitionInput = {
  schemaVersion: 1,
  key: 'review-loop',
  version: 1,
  name: '审查循环',
  calendar: 'cn-mainland',
  nodes: [
    { id: 'start', name: '开始', type: 'startEvent' },
    task('review', ['approve', 'reject']),
    task('decide', ['approve', 'return']),
    { id: 'approved', name: '准予', type: 'endEvent', result: 'approved' },
    { id: 'rejected', name: '不予', type: 'endEvent', result: 'rejected' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'decide', outcome: 'approve' },
    { id: 'e3', source: 'review', target: 'rejected', outcome: 'reject' },
    { id: 'e4', source: 'decide', target: 'approved', outcome: 'approve' },
    { id: 'e5', source: 'decide', target: 'review', outcome: 'return' },
  ],
};

const twoBranches: WorkflowDefinitionInput = {
  schemaVersion: 1,
  key: 'two-branches',
  version: 1,
  name: '两个分支',
  calendar: 'cn-mainland',
  nodes: [
    { id: 'start', name: '开始', type: 'startEvent' },
    { id: 'split', name: '并联', type: 'parallelGateway' },
    task('left', ['approve']),
    task('right', ['approve', 'requestSupplement']),
    { id: 'join', name: '汇合', type: 'parallelGateway' },
    { id: 'done', name: '办结', type: 'endEvent', result: 'approved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'split' },
    { id: 'e2', source: 'split', target: 'left' },
    { id: 'e3', source: 'split', target: 'right' },
    { id: 'e4', source: 'left', target: 'join', outcome: 'approve' },
    { id: 'e5', source: 'right', target: 'join', outcome: 'approve' },
    { id: 'e6', source: 'join', target: 'done' },
  ],
};

describe('walkPaths', () => {
  it('counts each path through a return loop once and cuts off the loop past the activation bound', () => {
    const walk = walkPaths(definitionSchema.parse(reviewLoop), {}, { maxActivations: 2 });
    // review reject | review approve, decide approve | … decide return, review reject | … review approve, decide approve
    expect(Object.fromEntries(walk.pathsByResult)).toEqual({ approved: 2, rejected: 2 });
    expect(walk.prunedPaths).toBe(1);
    expect(walk.decisions).toEqual(new Set(['review/approve', 'review/reject', 'decide/approve', 'decide/return']));
  });

  it('takes the branches of a parallel block in every order and answers a 补正 with a supplement', () => {
    const walk = walkPaths(definitionSchema.parse(twoBranches), {});
    // left·right, right·left; with one 补正 at right before it is decided: 补正·left·right, left·补正·right, 补正·right·left
    expect(Object.fromEntries(walk.pathsByResult)).toEqual({ approved: 5 });
    expect(walk.stuck).toEqual([]);
    expect(walk.deadEnds).toEqual([]);
    expect(walk.inconsistent).toEqual([]);
  });
});
