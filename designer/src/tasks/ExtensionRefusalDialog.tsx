import { Alert, Form, Input, Modal } from 'antd';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { extensionMessages } from './extension.messages.ts';

/** Longest reason the API takes, in characters. */
const reasonMaxLength = 2_000;

/** Asks the approver why an extension is refused (required: the task's department is told). */
export function ExtensionRefusalDialog({
  open,
  submitting,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  submitting: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
}) {
  const t = useMessages(extensionMessages);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t.refuseTitle}
      okText={t.refuseOk}
      okButtonProps={{ danger: true }}
      cancelText={t.cancel}
      confirmLoading={submitting}
      onOk={() =>
        form.validateFields().then(
          ({ reason }) => onSubmit(reason.trim()),
          // The form shows what is missing beside the field.
          () => undefined,
        )
      }
      onCancel={onCancel}
      destroyOnHidden
      data-testid="extension-refusal-dialog"
    >
      <Alert type="warning" showIcon title={t.refuseNote} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t.refuseReason} rules={[{ required: true, whitespace: true, message: t.refuseReasonRequired }]}>
          <Input.TextArea maxLength={reasonMaxLength} autoSize={{ minRows: 3, maxRows: 8 }} data-testid="extension-refusal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
