import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Select } from 'antd';
import type { SupplementItem } from '../api/api.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { workbenchMessages } from './workbench.messages.ts';

/** A field of the application a 补正 item may name. */
export interface ApplicationFieldOption {
  key: string;
  label: string;
}

interface ItemValues {
  kind: 'field' | 'document';
  field?: string;
  document?: string;
  note?: string;
}

/**
 * Asks, once and completely (行政许可法 art. 32), what the applicant must supply: one row per item,
 * each a field of the application (chosen from `fields`) or a document, with a note; at least one.
 */
export function SupplementDialog({
  open,
  fields,
  initialNote,
  submitting,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  /** The application's fields an item may name. */
  fields: readonly ApplicationFieldOption[];
  /** What the form's own field already says, to start the first item's note from. */
  initialNote: string;
  submitting: boolean;
  onSubmit(items: SupplementItem[]): void;
  onCancel(): void;
}) {
  const t = useMessages(workbenchMessages);
  const [form] = Form.useForm<{ items: ItemValues[] }>();
  const submit = ({ items }: { items: ItemValues[] }) =>
    onSubmit(
      items.map((item): SupplementItem =>
        item.kind === 'field'
          ? { kind: 'field', field: item.field ?? '', note: (item.note ?? '').trim() }
          : { kind: 'document', document: (item.document ?? '').trim(), note: (item.note ?? '').trim() },
      ),
    );
  return (
    <Modal
      open={open}
      title={t.supplementTitle}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={submitting}
      width={720}
      onOk={() =>
        form.validateFields().then(
          submit,
          // The form shows what is missing beside each input.
          () => undefined,
        )
      }
      onCancel={onCancel}
      destroyOnHidden
      data-testid="supplement-dialog"
    >
      <Alert type="info" showIcon title={t.supplementNote} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ items: [{ kind: 'document', note: initialNote }] }} preserve={false}>
        <Form.List
          name="items"
          rules={[{ validator: async (_, items: unknown[] | undefined) => ((items?.length ?? 0) > 0 ? undefined : Promise.reject(new Error(t.supplementItemsRequired))) }]}
        >
          {(rows, { add, remove }, { errors }) => (
            <Flex vertical gap={4}>
              {rows.map((row, index) => (
                <Flex key={row.key} gap={8} align="start" data-testid={`supplement-item-${index}`}>
                  <Form.Item name={[row.name, 'kind']} style={{ width: 110, marginBottom: 8 }}>
                    <Select
                      data-testid={`supplement-item-kind-${index}`}
                      options={[
                        { value: 'field', label: t.supplementKindField },
                        { value: 'document', label: t.supplementKindDocument },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['items', row.name, 'kind']) === 'field' ? (
                        <Form.Item name={[row.name, 'field']} style={{ width: 200, marginBottom: 8 }} rules={[{ required: true, message: t.supplementFieldRequired }]}>
                          <Select
                            showSearch
                            optionFilterProp="label"
                            placeholder={t.supplementFieldPlaceholder}
                            options={fields.map((field) => ({ value: field.key, label: field.label }))}
                            data-testid={`supplement-item-field-${index}`}
                          />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[row.name, 'document']} style={{ width: 200, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t.supplementDocumentRequired }]}>
                          <Input placeholder={t.supplementDocumentPlaceholder} data-testid={`supplement-item-document-${index}`} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item name={[row.name, 'note']} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t.supplementNoteRequired }]}>
                    <Input placeholder={t.supplementNotePlaceholder} data-testid={`supplement-item-note-${index}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t.supplementRemove} disabled={rows.length === 1} onClick={() => remove(row.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'document', note: '' })} data-testid="supplement-add-item">
                {t.supplementAdd}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
