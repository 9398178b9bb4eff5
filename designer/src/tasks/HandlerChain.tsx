import { Timeline, Typography } from 'antd';
import type { TaskView } from '../api/api.types.ts';
import { useDepartments } from '../api/reference-queries.ts';
import { useUserNames } from '../api/task-operation-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { taskOperationsMessages } from './task-operations.messages.ts';

/**
 * The chain of handlers of a task, oldest first: each transfer, delegation, resolution, unclaim and
 * reassignment with who, to whom (a person, or a department's queue), when and why, by name.
 */
export function HandlerChain({ task }: { task: TaskView }) {
  const t = useMessages(taskOperationsMessages);
  const { locale } = useLocale();
  const nameOf = useUserNames();
  const departments = useDepartments();
  if (task.handoffs.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="handler-chain">
        {t.chainEmpty}
      </Typography.Text>
    );
  }
  return (
    <Timeline
      data-testid="handler-chain"
      items={task.handoffs.map((link, index) => {
        const to = link.to !== null ? nameOf(link.to) : t.queueOf(departments.get(link.toDepartmentId)?.name ?? link.toDepartmentId);
        return {
          key: index,
          content: (
            <>
              <Typography.Text>{t.chainLine(nameOf(link.by), t.chainKinds[link.kind], to)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[formatInstant(link.at, locale), link.reason].filter(Boolean).join(' · ')}
              </Typography.Text>
            </>
          ),
        };
      })}
    />
  );
}
