import { Alert, Form, Input, Modal } from 'antd';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { workbenchMessages } from './workbench.messages.ts';

/** Asks what the applicant must supply for a 补正 (told once and completely); required. */
export function SupplementDialog({
  open,
  initialItems,
  submitting,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  /** What the form's own field already says, to start from. */
  initialItems: string;
  submitting: boolean;
  onSubmit(items: string): void;
  onCancel(): void;
}) {
  const t = useMessages(workbenchMessages);
  const [form] = Form.useForm<{ items: string }>();
  return (
    <Modal
      open={open}
      title={t.supplementTitle}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={submitting}
      onOk={() =>
        form.validateFields().then(
          ({ items }) => onSubmit(items.trim()),
          // The form shows what is missing beside the field.
          () => undefined,
        )
      }
      onCancel={onCancel}
      destroyOnHidden
      data-testid="supplement-dialog"
    >
      <Alert type="info" showIcon title={t.supplementNote} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ items: initialItems }} preserve={false}>
        <Form.Item name="items" label={t.supplementItems} rules={[{ required: true, whitespace: true, message: t.supplementItemsRequired }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="supplement-items" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
