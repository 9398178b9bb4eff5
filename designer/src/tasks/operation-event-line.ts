import type { CaseEvent } from '../api/api.types.ts';
import type { taskOperationsMessages } from './task-operations.messages.ts';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * The line of a task operation's event on a case timeline (转办, 委派, 归还, 取消认领, 改派, 审批意见,
 * 抄送, 加签, 加签人同意 with their opinion, 减签, 催办), with people and departments named, or null for
 * another event (and for a signer's approval without an opinion). Pure.
 */
export function operationEventLine(
  event: CaseEvent,
  t: (typeof taskOperationsMessages)['zh-CN'],
  nameOf: (userId: string | null) => string,
  departmentName: (departmentId: string) => string,
): string | null {
  const p = event.payload;
  const join = (...parts: (string | null)[]) => parts.filter((part) => part !== null && part !== '').join(' · ');
  switch (event.type) {
    case 'task.transferred':
    case 'task.delegated':
    case 'task.resolved':
    case 'task.unclaimed':
    case 'task.reassigned': {
      const to = text(p.to);
      const department = text(p.toDepartmentId);
      const target = to !== null ? nameOf(to) : department === null ? null : t.queueOf(departmentName(department));
      return join(target === null ? null : `→ ${target}`, text(p.reason));
    }
    case 'task.commented':
      return text(p.text);
    case 'task.copied':
      return join(Array.isArray(p.userIds) ? t.copiedTo(p.userIds.map((id) => nameOf(String(id))).join('、')) : null, text(p.reason));
    case 'task.signersAdded':
      return join(Array.isArray(p.signers) ? t.signersLine(p.signers.map(String).join('、')) : null, text(p.reason));
    case 'task.signerAdded':
      return join(t.signerLine(p.position === 'after' ? 'after' : 'before', nameOf(text(p.to))), text(p.reason));
    case 'task.signerApproved':
      return text(p.comment);
    case 'task.signerRemoved':
      return join(text(p.item) ?? (text(p.signer) === null ? null : nameOf(text(p.signer))), text(p.reason));
    case 'case.urged':
      return text(p.message);
    default:
      return null;
  }
}
