import { describe, expect, it } from 'vitest';
import type { CurrentUser, TaskView } from '../api/api.types.ts';
import { taskOperationsOffered } from './task-operations-offered.ts';

const clerk: Pick<CurrentUser, 'id' | 'roles' | 'department'> = { id: 'huangpu.market', roles: ['clerk'], department: { id: 'market', kind: 'market-regulation', name: '市场监管局' } };
const manager: typeof clerk = { id: 'huangpu.manager', roles: ['manager'], department: { id: 'service', kind: 'government-service', name: '政务服务办' } };
const task = (change: Partial<TaskView>): TaskView => ({ departmentId: 'market', candidateRole: 'clerk', status: 'open', assigneeId: null, delegation: null, instance: null, ...change }) as TaskView;

describe('taskOperationsOffered', () => {
  it('offers transfer and copy on an unclaimed task of the clerk’s department, and nothing to delegate', () => {
    expect(taskOperationsOffered(clerk, task({}))).toEqual(['transfer', 'copy']);
  });

  it('offers the assignee every verb of a single task, add signers while it has no signer, and add signers on a countersignature', () => {
    expect(taskOperationsOffered(clerk, task({ status: 'claimed', assigneeId: clerk.id }))).toEqual(['transfer', 'delegate', 'addSigners', 'copy', 'unclaim']);
    const signing = { role: 'after' as const, position: 'after' as const, by: clerk.id, reason: '需复核', at: '2026-12-07T08:00:00Z' };
    expect(taskOperationsOffered(clerk, task({ status: 'claimed', assigneeId: clerk.id, signing }))).not.toContain('addSigners');
    const instance = { over: 'assignees' as const, item: 'huangpu.market', index: 1, of: 2 };
    expect(taskOperationsOffered(clerk, task({ status: 'claimed', assigneeId: clerk.id, instance }))).toContain('addSigners');
  });

  it('offers the user who added a signer to a single task its removal on the signer’s task, and nothing to the signer or on the task it holds', () => {
    const signing = { role: 'signer' as const, position: 'before' as const, by: clerk.id, reason: '请先核', at: '2026-12-07T08:00:00Z' };
    const signerTask = task({ status: 'claimed', assigneeId: 'huangpu.intake', departmentId: 'market', signing });
    expect(taskOperationsOffered(clerk, signerTask)).toContain('removeSigner');
    expect(taskOperationsOffered({ ...clerk, id: 'huangpu.other' }, signerTask)).not.toContain('removeSigner');
    expect(taskOperationsOffered({ ...clerk, id: 'huangpu.intake' }, signerTask)).toEqual([]);
    const waiting = { ...signing, role: 'waiting' as const };
    expect(taskOperationsOffered(clerk, task({ status: 'claimed', assigneeId: clerk.id, signing: waiting }))).toEqual([]);
  });

  it('offers the delegatee only resolve, and the delegator nothing while it is delegated', () => {
    const delegation = { from: 'huangpu.market', to: 'huangpu.fire', reason: '请出具意见', at: '2026-12-07T08:00:00Z' };
    expect(taskOperationsOffered({ ...clerk, id: 'huangpu.fire' }, task({ status: 'claimed', assigneeId: 'huangpu.fire', delegation }))).toEqual(['resolve']);
    expect(taskOperationsOffered(clerk, task({ status: 'claimed', assigneeId: 'huangpu.fire', delegation }))).toEqual([]);
  });

  it('offers a manager unclaim of a task someone holds, and nothing on a closed task', () => {
    expect(taskOperationsOffered(manager, task({ status: 'claimed', assigneeId: clerk.id }))).toEqual(['unclaim']);
    expect(taskOperationsOffered(clerk, task({ status: 'completed', assigneeId: clerk.id }))).toEqual([]);
  });
});
