import { BellOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { suspensionReasons, type SuspensionReason } from '@tongban/engine';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../api/api-error.ts';
import type { CaseDetail } from '../api/api.types.ts';
import { useTaskOperation } from '../api/task-operation-queries.ts';
import { taskOperationsApi } from '../api/task-operations-api.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { taskOperationsMessages } from '../tasks/task-operations.messages.ts';

type CaseAction = 'urge' | 'suspend' | 'resume';

/** Roles that oversee the cases of a jurisdiction. */
const overseers = ['manager', 'supervisor', 'admin'];

/** Minutes to wait before urging again, from a 429 `urge-too-soon` answer; null for another error. */
function urgeWaitMinutes(error: unknown): number | null {
  if (!isApiError(error, 429)) return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : 60;
}

/**
 * The actions on a whole case in its view: 催办 (urge its current handlers; a second urge within
 * the hour is refused with when to try again), and 中止 / 恢复 计时 (stop the clocks for a period
 * the law does not count, art. 45, and restart them), each with its reason.
 */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const t = useMessages(taskOperationsMessages);
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [form] = Form.useForm<{ reason?: SuspensionReason; comment?: string }>();
  const { case: caseView, tasks } = detail;

  const run = useTaskOperation(async (input: { action: CaseAction; caseId: string; reason?: SuspensionReason; comment?: string }) => {
    const comment = input.comment?.trim() === '' ? undefined : input.comment?.trim();
    if (input.action === 'urge') {
      const result = await taskOperationsApi.urge(input.caseId, comment);
      return t.urged(result.recipients.length);
    }
    if (input.action === 'suspend') {
      await taskOperationsApi.suspendCase(input.caseId, { reason: input.reason ?? 'hearing', ...(comment !== undefined && { comment }) });
      return t.suspended;
    }
    await taskOperationsApi.resumeCase(input.caseId, comment);
    return t.resumed;
  });

  if (user === null || caseView.status === 'completed') return null;
  const overseer = user.roles.some((role) => overseers.includes(role));
  const handledOne = tasks.some((task) => task.status === 'completed' && task.assigneeId === user.id);
  const manager = user.roles.includes('manager') || user.roles.includes('admin');
  const offered: CaseAction[] = [];
  if (overseer || handledOne) offered.push('urge');
  if (manager && caseView.status === 'active') offered.push('suspend');
  if (manager && caseView.status === 'suspended' && caseView.suspensionReason !== 'supplement') offered.push('resume');
  if (offered.length === 0) return null;

  const labels: Record<CaseAction, { title: string; note: string; icon: ReactNode }> = {
    urge: { title: t.urgeTitle, note: t.urgeNote, icon: <BellOutlined /> },
    suspend: { title: t.suspendTitle, note: t.suspendNote, icon: <PauseCircleOutlined /> },
    resume: { title: t.resumeTitle, note: t.resumeNote, icon: <PlayCircleOutlined /> },
  };
  const wait = urgeWaitMinutes(run.error);

  const submit = () =>
    void form.validateFields().then(
      (values) =>
        action !== null &&
        run.mutate(
          { action, caseId: caseView.id, ...values },
          {
            onSuccess: (done) => {
              setAction(null);
              void message.success(done);
            },
            onError: (error) => {
              const minutes = urgeWaitMinutes(error);
              void (minutes === null ? message.error(errorText(error)) : message.warning(t.urgeTooSoon(minutes)));
            },
          },
        ),
      () => undefined,
    );

  return (
    <>
      <Space wrap data-testid="case-actions">
        {offered.map((candidate) => (
          <Button
            key={candidate}
            icon={labels[candidate].icon}
            onClick={() => {
              run.reset();
              setAction(candidate);
            }}
            data-testid={`case-${candidate}`}
          >
            {candidate === 'urge' ? t.urge : candidate === 'suspend' ? t.suspend : t.resume}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action === null ? null : labels[action].title}
        okText={t.ok}
        cancelText={t.cancel}
        confirmLoading={run.isPending}
        onOk={submit}
        onCancel={() => setAction(null)}
        destroyOnHidden
        data-testid="case-action-dialog"
      >
        {action !== null && <Alert type="info" showIcon title={labels[action].note} style={{ marginBottom: 16 }} />}
        {action === 'urge' && wait !== null && (
          <Alert type="warning" showIcon title={t.urgeTooSoon(wait)} style={{ marginBottom: 16 }} data-testid="urge-too-soon" />
        )}
        <Form form={form} layout="vertical" preserve={false}>
          {action === 'suspend' && (
            <Form.Item name="reason" label={t.suspensionReason} rules={[{ required: true, message: t.reasonRequired }]}>
              <Select options={suspensionReasons.map((reason) => ({ value: reason, label: t.suspensionReasons[reason] }))} data-testid="suspend-reason" />
            </Form.Item>
          )}
          <Form.Item name="comment" label={action === 'urge' ? t.message : t.reasonOptional}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="case-action-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
