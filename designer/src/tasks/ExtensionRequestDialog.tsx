import type { Duration } from '@tongban/engine';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import type { ExtensionRequestInput } from '../api/tongban-api.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { extensionMessages } from './extension.messages.ts';

/** Longest reason the API takes, in characters. */
const reasonMaxLength = 2_000;

/**
 * Asks how much longer a task's statutory limit should run (whole units of the limit, 1 to the
 * definition's `cap`) and why (required: the applicant is told, 行政许可法 art. 42).
 */
export function ExtensionRequestDialog({
  open,
  cap,
  approverRole,
  submitting,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  /** The most the definition allows, in the statutory limit's unit. */
  cap: Duration;
  /** The role that approves, e.g. `manager`. */
  approverRole: string;
  submitting: boolean;
  onSubmit(input: ExtensionRequestInput): void;
  onCancel(): void;
}) {
  const t = useMessages(extensionMessages);
  const [form] = Form.useForm<{ amount: number | null; reason: string }>();
  const capText = t.amountText(cap.amount, cap.unit);
  return (
    <Modal
      open={open}
      title={t.requestTitle}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={submitting}
      onOk={() =>
        form.validateFields().then(
          ({ amount, reason }) => onSubmit({ amount: amount ?? 0, reason: reason.trim() }),
          // The form shows what is wrong beside the fields.
          () => undefined,
        )
      }
      onCancel={onCancel}
      destroyOnHidden
      data-testid="extension-dialog"
    >
      <Alert type="info" showIcon title={t.requestIntro(capText, t.roleNames[approverRole] ?? approverRole)} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="amount"
          label={t.amount}
          rules={[
            { required: true, message: t.amountRequired },
            { type: 'number', min: 1, max: cap.amount, message: t.amountRange(capText) },
          ]}
        >
          <InputNumber precision={0} suffix={t.unitWord(cap.unit)} style={{ width: 200 }} data-testid="extension-amount" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t.reason}
          extra={t.reasonNote}
          rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}
        >
          <Input.TextArea maxLength={reasonMaxLength} autoSize={{ minRows: 3, maxRows: 8 }} data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
