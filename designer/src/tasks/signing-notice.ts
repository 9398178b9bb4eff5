import type { TaskView } from '../api/api.types.ts';
import type { taskOperationsMessages } from './task-operations.messages.ts';

/** What the workbench says about a signer added to a single task (加签): how it reads, its text, and the reason given. */
export interface SigningNotice {
  type: 'info' | 'warning';
  title: string;
  description: string;
}

/**
 * The notice of an open task that has a signer (加签) for `viewerId`: on a task waiting for its
 * signer, who that is (from the chain of handlers) and, when the signer acts after the clerk, that
 * the decision is held; on a task whose signer acts after the clerk, that the decision takes
 * effect once they approve; on a signer's task, for the signer, who added them and what approving
 * does, for anyone else, whose approval it waits for. Null for a task without one. Pure.
 */
export function signingNotice(
  task: Pick<TaskView, 'status' | 'signing' | 'assigneeId' | 'handoffs'>,
  viewerId: string | undefined,
  t: (typeof taskOperationsMessages)['zh-CN'],
  nameOf: (userId: string | null) => string,
): SigningNotice | null {
  const signing = task.signing;
  if (signing == null || (task.status !== 'open' && task.status !== 'claimed')) return null;
  const description = t.signingReason(signing.reason);
  switch (signing.role) {
    case 'waiting': {
      const signer = nameOf([...task.handoffs].reverse().find((link) => link.kind === 'addSigner')?.to ?? null);
      return { type: 'info', title: signing.decision === undefined ? t.waitingForSigner(signer) : t.decisionHeldForSigner(signer), description };
    }
    case 'after':
      return { type: 'info', title: t.signerAfterAssignee(nameOf(signing.signerId ?? null)), description };
    case 'signer':
      return task.assigneeId !== null && task.assigneeId === viewerId
        ? { type: 'warning', title: t.signerForMe(signing.position, nameOf(signing.by)), description }
        : { type: 'info', title: t.signerOfOther(nameOf(signing.by), nameOf(task.assigneeId)), description };
  }
}
