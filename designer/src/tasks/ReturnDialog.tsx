import { Alert, Form, Input, Modal, Select } from 'antd';
import type { ReturnCancel } from '../api/api.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { workbenchMessages } from './workbench.messages.ts';

/** What a return needs: the earlier task to go back to and why. */
export interface ReturnDecision {
  returnTo: string;
  reason: string;
}

/**
 * Asks for the target and the reason of a return (退回); both are required. `cancels`: the other
 * departments' parallel tasks the chosen target would cancel, named in a warning before it happens.
 */
export function ReturnDialog({
  open,
  targets,
  submitting,
  cancels = [],
  onTargetChange,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  targets: { nodeId: string; name: string }[];
  submitting: boolean;
  cancels?: ReturnCancel[];
  onTargetChange?(returnTo: string): void;
  onSubmit(decision: ReturnDecision): void;
  onCancel(): void;
}) {
  const t = useMessages(workbenchMessages);
  const [form] = Form.useForm<ReturnDecision>();
  return (
    <Modal
      open={open}
      title={t.returnTitle}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={submitting}
      onOk={() =>
        form.validateFields().then(
          (values) => onSubmit({ ...values, reason: values.reason.trim() }),
          // The form shows what is missing beside the fields.
          () => undefined,
        )
      }
      onCancel={onCancel}
      destroyOnHidden
      data-testid="return-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ returnTo: targets.length === 1 ? targets[0]?.nodeId : undefined }}
        preserve={false}
      >
        <Form.Item name="returnTo" label={t.returnTarget} rules={[{ required: true, message: t.returnTargetRequired }]}>
          <Select options={targets.map((target) => ({ value: target.nodeId, label: target.name }))} onChange={(value: string) => onTargetChange?.(value)} data-testid="return-target" />
        </Form.Item>
        {cancels.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="return-cancels"
            title={t.returnCancels(cancels.length)}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {cancels.map((task) => (
                  <li key={task.id} data-testid={`return-cancels-${task.nodeId}`}>
                    {task.name} · {task.departmentName ?? task.departmentId} · {task.assigneeName ?? t.returnCancelsUnclaimed}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Form.Item name="reason" label={t.returnReason} rules={[{ required: true, whitespace: true, message: t.returnReasonRequired }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
