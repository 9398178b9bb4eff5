import { App as AntApp, Button, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTaskDetail, useTaskOperation, useUserNames } from '../api/task-operation-queries.ts';
import { taskOperationsApi } from '../api/task-operations-api.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { taskOperationsMessages } from './task-operations.messages.ts';

/**
 * The opinions (审批意见) on a task, oldest first, from `GET /tasks/{id}`, and, when `mayComment`,
 * a box to add one (append-only: an opinion is never edited).
 */
export function TaskComments({ taskId, caseId, mayComment }: { taskId: string; caseId: string; mayComment: boolean }) {
  const t = useMessages(taskOperationsMessages);
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const nameOf = useUserNames();
  const detail = useTaskDetail(taskId);
  const [text, setText] = useState('');
  const add = useTaskOperation((input: { taskId: string; caseId: string; text: string }) => taskOperationsApi.comment(input.taskId, input.text));
  const comments = detail.data?.comments ?? [];

  const send = () =>
    add.mutate(
      { taskId, caseId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          void message.success(t.commentAdded);
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <Flex vertical gap={8} data-testid="task-comments">
      <List
        size="small"
        loading={detail.isPending}
        dataSource={comments}
        locale={{ emptyText: t.commentsEmpty }}
        renderItem={(comment, index) => (
          <List.Item key={index} data-testid="task-comment-item">
            <Flex vertical>
              <Typography.Text>{comment.text}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {comment.authorName ?? nameOf(comment.authorId)} · {formatInstant(comment.at, locale)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {mayComment && (
        <Flex gap={8} align="start">
          <Input.TextArea
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t.commentPlaceholder}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={4000}
            data-testid="new-opinion"
          />
          <Button onClick={send} disabled={text.trim() === ''} loading={add.isPending} data-testid="add-opinion">
            {t.addComment}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
