import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { RecountSummary } from '../api/api.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { apiErrorText } from '../shell/api-error-text.ts';
import { errorsMessages } from '../shell/errors.messages.ts';
import { calendarsMessages } from './calendars.messages.ts';
import { noticeProblems } from './notice-problems.ts';
import { readNoticeText, type NoticeText } from './notice-text.ts';

/** What {@link LoadNoticeDialog} sends: the year of the path and the notice as the admin gave it. */
export interface NoticeSubmission {
  year: number;
  notice: unknown;
}

interface NoticeForm {
  year: number | null;
  text: string;
}

/**
 * Loads a year's holiday notice into a calendar: the admin pastes its JSON or picks a `.json`
 * file (the year is taken from it), sees its source before loading, then either what the API
 * refused (each field of the notice named) or what the recount changed.
 */
export function LoadNoticeDialog({
  open,
  calendarName,
  submitting,
  error,
  result,
  onSubmit,
  onClose,
}: {
  open: boolean;
  calendarName: string;
  submitting: boolean;
  /** The API's refusal of the last submission, if any. */
  error: unknown;
  /** What the last successful submission loaded and recounted. */
  result: { year: number; recount: RecountSummary } | null;
  onSubmit(submission: NoticeSubmission): void;
  onClose(): void;
}) {
  const t = useMessages(calendarsMessages);
  const errors = useMessages(errorsMessages);
  const [form] = Form.useForm<NoticeForm>();
  const [read, setRead] = useState<NoticeText | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  // The last refusal speaks of the text as it was sent: once the text changes it no longer applies.
  const [edited, setEdited] = useState(false);

  const takeText = (text: string) => {
    const parsed = text.trim() === '' ? null : readNoticeText(text);
    setRead(parsed);
    setEdited(true);
    if (parsed?.ok === true && parsed.year !== null) form.setFieldValue('year', parsed.year);
  };

  const submit = () =>
    form.validateFields().then(
      ({ year, text }) => {
        const parsed = readNoticeText(text);
        if (parsed.ok && year !== null) {
          setEdited(false);
          onSubmit({ year, notice: parsed.notice });
        }
      },
      // The form shows what is wrong beside the fields.
      () => undefined,
    );

  const problems = noticeProblems(error);
  const done = result !== null;
  return (
    <Modal
      open={open}
      title={t.loadTitle(calendarName)}
      width={720}
      okText={done ? t.close : t.submit}
      cancelText={t.cancel}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      confirmLoading={submitting}
      onOk={done ? onClose : () => void submit()}
      onCancel={onClose}
      afterClose={() => {
        setRead(null);
        setFileName(null);
        setEdited(false);
      }}
      destroyOnHidden
      data-testid="load-notice-dialog"
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          title={t.loaded(result.year)}
          description={t.recount(result.recount.cases, result.recount.changedCases, result.recount.timers)}
          data-testid="notice-loaded"
        />
      ) : (
        <>
          <Alert type="warning" showIcon title={t.loadWarning} style={{ marginBottom: 16 }} />
          <Form<NoticeForm>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ year: null, text: '' }}
            onValuesChange={(changed: Partial<NoticeForm>) => {
              if (changed.text !== undefined) takeText(changed.text);
            }}
          >
            <Space align="start" size={24} wrap>
              <Form.Item name="year" label={t.year} rules={[{ required: true, message: t.yearRequired }]}>
                <InputNumber min={1900} max={2200} precision={0} style={{ width: 140 }} data-testid="notice-year" />
              </Form.Item>
              <Form.Item label={t.orFile}>
                <Space>
                  <Upload
                    accept=".json,application/json"
                    showUploadList={false}
                    maxCount={1}
                    beforeUpload={(file) => {
                      void file.text().then((text) => {
                        form.setFieldValue('text', text);
                        setFileName(file.name);
                        takeText(text);
                        void form.validateFields(['text']);
                      });
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <Button icon={<UploadOutlined />} data-testid="notice-file">
                      {t.pickFile}
                    </Button>
                  </Upload>
                  {fileName !== null && <Typography.Text type="secondary">{t.fileRead(fileName)}</Typography.Text>}
                </Space>
              </Form.Item>
            </Space>
            <Form.Item
              name="text"
              label={t.notice}
              extra={t.noticeHint}
              rules={[
                { required: true, whitespace: true, message: t.noticeRequired },
                {
                  validator: (_rule, value: string | undefined) => {
                    if (value === undefined || value.trim() === '') return Promise.resolve();
                    const parsed = readNoticeText(value);
                    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(t.noticeNotJson(parsed.reason)));
                  },
                },
              ]}
            >
              <Input.TextArea
                autoSize={{ minRows: 6, maxRows: 10 }}
                spellCheck={false}
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
                data-testid="notice-text"
              />
            </Form.Item>
          </Form>
          {read?.ok === true && read.preview !== null && (
            <Typography.Paragraph type="secondary" data-testid="notice-preview">
              {t.preview(read.preview.title, read.preview.documentNumber, read.preview.issued, read.preview.holidays)}
            </Typography.Paragraph>
          )}
          {!edited && error !== null && error !== undefined && (
            <Alert
              type="error"
              showIcon
              title={t.refused}
              description={
                <>
                  {problems.length === 0 && <div>{apiErrorText(error, errors)}</div>}
                  {problems.length > 0 && (
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {problems.map((problem) => (
                        <li key={`${problem.field}:${problem.message}`} data-testid="notice-problem">
                          <Typography.Text code>{t.problemField(problem.field)}</Typography.Text> {problem.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              }
              data-testid="notice-error"
            />
          )}
        </>
      )}
    </Modal>
  );
}
