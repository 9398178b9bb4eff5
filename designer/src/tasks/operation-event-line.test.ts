import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../api/api.types.ts';
import { operationEventLine } from './operation-event-line.ts';
import { taskOperationsMessages } from './task-operations.messages.ts';

const t = taskOperationsMessages['zh-CN'];
const names: Record<string, string> = { 'huangpu.fire': '黄浦区消防救援支队审查员', 'huangpu.health': '黄浦区卫生健康委审查员' };
const nameOf = (id: string | null) => (id === null ? '—' : (names[id] ?? id));
const departmentName = (id: string) => (id === 'sh-huangpu-fire-rescue' ? '黄浦区消防救援支队' : id);
const event = (type: string, payload: Record<string, unknown>): CaseEvent => ({ id: 1, caseId: 'c', type, actorId: null, actorName: null, taskId: 't', payload, at: '2026-12-07T08:00:00Z' });

describe('operationEventLine', () => {
  it('names the person a task was transferred to, with the reason', () => {
    expect(operationEventLine(event('task.transferred', { to: 'huangpu.fire', toDepartmentId: 'sh-huangpu-fire-rescue', reason: '属消防事项' }), t, nameOf, departmentName)).toBe(
      '→ 黄浦区消防救援支队审查员 · 属消防事项',
    );
  });

  it('names the department queue when a transfer names no person', () => {
    expect(operationEventLine(event('task.transferred', { to: null, toDepartmentId: 'sh-huangpu-fire-rescue', reason: '转消防' }), t, nameOf, departmentName)).toBe(
      '→ 黄浦区消防救援支队（待认领） · 转消防',
    );
  });

  it('names the people a case was copied to, and leaves other events to the timeline', () => {
    expect(operationEventLine(event('task.copied', { userIds: ['huangpu.health'], reason: null }), t, nameOf, departmentName)).toBe('抄送 黄浦区卫生健康委审查员');
    expect(operationEventLine(event('task.created', { nodeId: 'review' }), t, nameOf, departmentName)).toBeNull();
  });

  it('names the signer added to a single task and where, the signer’s opinion, and the signer removed', () => {
    expect(operationEventLine(event('task.signerAdded', { position: 'before', from: 'huangpu.fire', to: 'huangpu.health', reason: '请卫健先核' }), t, nameOf, departmentName)).toBe(
      '向前加签 → 黄浦区卫生健康委审查员 · 请卫健先核',
    );
    expect(operationEventLine(event('task.signerApproved', { comment: '同意' }), t, nameOf, departmentName)).toBe('同意');
    expect(operationEventLine(event('task.signerRemoved', { signer: 'huangpu.health', reason: '无需会审' }), t, nameOf, departmentName)).toBe('黄浦区卫生健康委审查员 · 无需会审');
  });
});
