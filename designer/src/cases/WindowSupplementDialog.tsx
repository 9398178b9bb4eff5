import { Alert, App as AntApp, Checkbox, Form, Input, Modal, Typography } from 'antd';
import type { SupplementRequest } from '../api/api.types.ts';
import { useSupplementCase } from '../api/case-queries.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { casesMessages } from './cases.messages.ts';

/**
 * Where a service-hall clerk records a supplement (补正) handed in at the window: one input per
 * field the request asked for, one "received" box per document; sent as the case's supplement,
 * which the server records as received at the window, with the clerk and the time.
 */
export function WindowSupplementDialog({
  open,
  caseId,
  request,
  fieldLabel,
  onClose,
}: {
  open: boolean;
  caseId: string;
  request: SupplementRequest;
  fieldLabel(key: string): string;
  onClose(): void;
}) {
  const t = useMessages(casesMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ data: Record<string, string>; documents: Record<string, boolean> }>();
  const supplement = useSupplementCase();
  const submit = ({ data, documents }: { data?: Record<string, string>; documents?: Record<string, boolean> }) =>
    supplement.mutate(
      {
        caseId,
        input: {
          data: Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [key, value.trim()])),
          documents: Object.entries(documents ?? {}).flatMap(([name, received]) => (received ? [name] : [])),
        },
      },
      {
        onSuccess: () => {
          void message.success(t.windowRecorded);
          onClose();
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t.windowTitle}
      okText={t.windowSubmit}
      cancelText={t.cancel}
      confirmLoading={supplement.isPending}
      onOk={() => form.validateFields().then(submit, () => undefined)}
      onCancel={onClose}
      destroyOnHidden
      data-testid="window-supplement-dialog"
    >
      <Alert type="info" showIcon title={t.windowNote} style={{ marginBottom: 16 }} />
      {supplement.error !== null && <ErrorAlert error={supplement.error} />}
      <Form form={form} layout="vertical" preserve={false}>
        {request.items.map((item, index) =>
          item.kind === 'field' ? (
            <Form.Item
              key={`field:${item.field}`}
              name={['data', item.field]}
              label={fieldLabel(item.field)}
              extra={item.note}
              rules={[{ required: true, whitespace: true, message: t.windowFieldRequired }]}
            >
              <Input data-testid={`window-field-${index}`} />
            </Form.Item>
          ) : (
            <Form.Item
              key={`document:${item.document}`}
              name={['documents', item.document]}
              valuePropName="checked"
              extra={item.note}
              rules={[{ validator: async (_, checked: boolean | undefined) => (checked ? undefined : Promise.reject(new Error(t.windowDocumentRequired))) }]}
            >
              <Checkbox data-testid={`window-document-${index}`}>
                <Typography.Text>{t.windowReceived(item.document)}</Typography.Text>
              </Checkbox>
            </Form.Item>
          ),
        )}
      </Form>
    </Modal>
  );
}
