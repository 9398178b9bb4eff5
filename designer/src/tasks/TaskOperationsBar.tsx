import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import type { TaskView } from '../api/api.types.ts';
import { useDepartments } from '../api/reference-queries.ts';
import { useTaskOperation, useUserNames } from '../api/task-operation-queries.ts';
import { taskOperationsApi } from '../api/task-operations-api.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { taskOperationsMessages } from './task-operations.messages.ts';
import { taskOperationsOffered } from './task-operations-offered.ts';
import { TaskOperationDialog, type TaskOperation, type TaskOperationValues } from './TaskOperationDialog.tsx';

interface OperationInput {
  operation: TaskOperation;
  values: TaskOperationValues;
  taskId: string;
  caseId: string;
}

/**
 * The buttons of the operations the signed-in user may do on `task` (转办, 委派, 归还, 加签, 减签,
 * 抄送, 取消认领), each opening its dialog and calling the API; the result or the API's refusal is
 * shown as a message.
 */
export function TaskOperationsBar({ task }: { task: TaskView }) {
  const t = useMessages(taskOperationsMessages);
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const nameOf = useUserNames();
  const departments = useDepartments();
  const [operation, setOperation] = useState<TaskOperation | null>(null);
  const offered = taskOperationsOffered(user, task);

  const run = useTaskOperation(async ({ operation: op, values, taskId }: OperationInput): Promise<string> => {
    const reason = values.reason === '' ? undefined : values.reason;
    switch (op) {
      case 'unclaim':
        await taskOperationsApi.unclaim(taskId, reason);
        return t.unclaimed;
      case 'transfer': {
        await taskOperationsApi.transfer(taskId, {
          reason: reason ?? '',
          ...(values.userId !== undefined && { assigneeId: values.userId }),
          ...(values.departmentId !== undefined && { departmentId: values.departmentId }),
        });
        const to = values.userId !== undefined ? nameOf(values.userId) : t.queueOf(departments.get(values.departmentId ?? '')?.name ?? '');
        return t.transferred(to);
      }
      case 'delegate':
        await taskOperationsApi.delegate(taskId, { assigneeId: values.userId ?? '', reason: reason ?? '' });
        return t.delegated(nameOf(values.userId));
      case 'resolve':
        await taskOperationsApi.resolve(taskId, reason ?? '');
        return t.resolved;
      case 'addSigners': {
        const single = values.position === undefined ? {} : { signers: [values.signer ?? ''], position: values.position };
        const result = await taskOperationsApi.addSigners(taskId, { signers: values.targets ?? [], reason: reason ?? '', ...single });
        if (values.position !== undefined) return t.signerAdded(values.position, nameOf(values.signer));
        return t.signersAdded(result.createdTasks.length);
      }
      case 'removeSigner':
        await taskOperationsApi.removeSigner(taskId, reason ?? '');
        return t.signerRemoved;
      case 'copy': {
        const result = await taskOperationsApi.copy(taskId, { userIds: values.targets ?? [], ...(reason !== undefined && { reason }) });
        return result.items.length === 0 ? t.copiedNone : t.copied(result.items.length);
      }
    }
  });

  if (offered.length === 0) return null;
  const labels: Record<TaskOperation, string> = {
    unclaim: t.unclaim,
    transfer: t.transfer,
    delegate: t.delegate,
    resolve: t.resolve,
    addSigners: t.addSigners,
    removeSigner: t.removeSigner,
    copy: t.copy,
  };

  return (
    <>
      <Space wrap data-testid="task-operations">
        {offered.map((op) => (
          <Button
            key={op}
            size="small"
            type={op === 'resolve' ? 'primary' : 'default'}
            danger={op === 'removeSigner'}
            onClick={() => setOperation(op)}
            data-testid={`operation-${op}`}
          >
            {labels[op]}
          </Button>
        ))}
      </Space>
      <TaskOperationDialog
        operation={operation}
        task={task}
        selfId={user?.id}
        submitting={run.isPending}
        onCancel={() => setOperation(null)}
        onSubmit={(op, values) =>
          run.mutate(
            { operation: op, values, taskId: task.id, caseId: task.caseId },
            {
              onSuccess: (done) => {
                setOperation(null);
                void message.success(done);
              },
              onError: (error) => void message.error(errorText(error)),
            },
          )
        }
      />
    </>
  );
}
