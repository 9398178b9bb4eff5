import { describe, expect, it } from 'vitest';
import type { TaskView } from '../api/api.types.ts';
import { signingNotice } from './signing-notice.ts';
import { taskOperationsMessages } from './task-operations.messages.ts';

const t = taskOperationsMessages['zh-CN'];
const names: Record<string, string> = { 'huangpu.market': '黄浦区市场监管局审查员', 'huangpu.health': '黄浦区卫生健康委审查员' };
const nameOf = (id: string | null) => (id === null ? '—' : (names[id] ?? id));
const at = '2026-12-07T08:00:00Z';
const reason = '请卫生健康委先行核查';
const added = { kind: 'addSigner' as const, by: 'huangpu.market', from: 'huangpu.market', to: 'huangpu.health', fromDepartmentId: 'd', toDepartmentId: 'd', reason, at };

type Notified = Pick<TaskView, 'status' | 'signing' | 'assigneeId' | 'handoffs'>;
const held: Notified = { status: 'claimed', assigneeId: 'huangpu.market', handoffs: [added], signing: { role: 'waiting', position: 'before', signerTaskId: 's1', by: 'huangpu.market', reason, at } };
const signerTask: Notified = {
  status: 'claimed',
  assigneeId: 'huangpu.health',
  handoffs: [added],
  signing: { role: 'signer', position: 'before', parentTaskId: 't1', by: 'huangpu.market', reason, at },
};

describe('signingNotice', () => {
  it('tells whoever reads a task held for its signer whom it waits for, and why', () => {
    expect(signingNotice(held, 'huangpu.market', t, nameOf)).toEqual({
      type: 'info',
      title: '等待加签人 黄浦区卫生健康委审查员 同意：同意后任务回到经办人办理，在此之前不能办结。',
      description: `加签理由：${reason}`,
    });
    const decided = { ...held, signing: { ...held.signing!, position: 'after' as const, decision: { outcome: 'approve' } } };
    expect(signingNotice(decided, 'huangpu.market', t, nameOf)?.title).toBe('办理意见已提交，等待加签人 黄浦区卫生健康委审查员 同意后生效。');
  });

  it('tells the signer who added them and what approving does; anyone else whose approval it waits for', () => {
    expect(signingNotice(signerTask, 'huangpu.health', t, nameOf)).toMatchObject({ type: 'warning', title: '黄浦区市场监管局审查员 向前加签给您：请审核后同意，任务随即回到 黄浦区市场监管局审查员 办理。' });
    expect(signingNotice(signerTask, 'huangpu.market', t, nameOf)).toMatchObject({ type: 'info', title: '黄浦区市场监管局审查员 加签给 黄浦区卫生健康委审查员，等待其同意。' });
  });

  it('says nothing on a task without a signer, nor once the task is closed', () => {
    expect(signingNotice({ ...held, signing: null }, 'huangpu.market', t, nameOf)).toBeNull();
    expect(signingNotice({ ...signerTask, status: 'completed' }, 'huangpu.health', t, nameOf)).toBeNull();
  });
});
