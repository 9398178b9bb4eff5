import { Alert, App as AntApp, Button, Divider, Form, Input, Modal, Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import type { CurrentUser } from '../api/api.types.ts';
import { useCreateCase } from '../api/case-queries.ts';
import { useDefinitions, useDefinitionVersion, useJurisdictions } from '../api/reference-queries.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { navigate } from '../shell/router.ts';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { applicationValidator } from './application-check.ts';
import { filingJurisdictions } from './filing-jurisdictions.ts';
import { intakeMessages } from './intake.messages.ts';
import { fieldErrors, fromSchemaValues, schemaFields, type SchemaInputValue } from './schema-fields.ts';
import { SchemaFormItems } from './SchemaFormItems.tsx';

interface NewCaseValues {
  definitionKey?: string;
  jurisdiction?: string;
  applicantName?: string;
  applicantPhone?: string;
  data?: Record<string, SchemaInputValue>;
}

/** Props of {@link NewCaseDialog}. */
export interface NewCaseDialogProps {
  open: boolean;
  /** The clerk filing: the jurisdictions offered are theirs and those below it. */
  user: Pick<CurrentUser, 'jurisdiction'>;
  onClose(): void;
}

function NewCaseForm({ user, onClose }: Omit<NewCaseDialogProps, 'open'>) {
  const t = useMessages(intakeMessages);
  const errorText = useApiErrorText();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NewCaseValues>();
  // One key per opening of the form: a second click, or a retry after a lost answer, files once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const definitions = useDefinitions();
  const jurisdictions = useJurisdictions();
  const definitionKey = Form.useWatch('definitionKey', form);
  const summary = definitions.data?.items.find((item) => item.key === definitionKey);
  const version = useDefinitionVersion(summary?.key, summary?.version);
  const fields = useMemo(() => schemaFields(version.data?.definition.dataSchema), [version.data]);
  const validate = useMemo(() => applicationValidator(version.data?.definition.dataSchema), [version.data]);
  const places = filingJurisdictions(user.jurisdiction.id, [...jurisdictions.values()]);
  const create = useCreateCase();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null || values.definitionKey === undefined || values.jurisdiction === undefined) return;
    setFailure(null);
    const applicant: Record<string, unknown> = { name: (values.applicantName ?? '').trim() };
    const phone = (values.applicantPhone ?? '').trim();
    if (phone !== '') applicant.phone = phone;
    create.mutate(
      {
        input: { definitionKey: values.definitionKey, jurisdiction: values.jurisdiction, applicant, data: fromSchemaValues(fields, values.data ?? {}) },
        idempotencyKey,
      },
      {
        onSuccess: (filed) => {
          // 受理 is a legal act (行政许可法 art. 32): the toast says it happened only when the case says so.
          void message.success(filed.acceptedAt === null ? t.filed(filed.caseNumber) : t.filedAndAccepted(filed.caseNumber));
          onClose();
          navigate(`/cases/${encodeURIComponent(filed.id)}`);
        },
        onError: (error) => {
          const errors = isApiError(error, 400) ? fieldErrors(error.details, error.message) : new Map<string, string>();
          if (errors.size > 0) form.setFields([...errors].map(([key, text]) => ({ name: ['data', key], errors: [text] })));
          else setFailure(errorText(error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ jurisdiction: user.jurisdiction.id }} data-testid="new-case-form">
      <Form.Item name="definitionKey" label={t.workflow} rules={[{ required: true, message: t.requiredChoice(t.workflow) }]}>
        <Select
          placeholder={t.chooseWorkflow}
          loading={definitions.isLoading}
          options={(definitions.data?.items ?? []).map((item) => ({ value: item.key, label: item.name }))}
          onChange={() => form.setFieldValue('data', {})}
          data-testid="new-case-workflow"
        />
      </Form.Item>
      <Form.Item name="jurisdiction" label={t.jurisdiction} rules={[{ required: true, message: t.requiredChoice(t.jurisdiction) }]}>
        <Select options={places.map((place) => ({ value: place.id, label: place.name }))} data-testid="new-case-jurisdiction" />
      </Form.Item>
      <Form.Item
        name="applicantName"
        label={t.applicantName}
        rules={[
          { required: true, whitespace: true, message: t.required(t.applicantName) },
          { transform: (value?: string) => value?.trim(), max: 200, message: t.tooLong(t.applicantName, 200) },
        ]}
      >
        <Input data-testid="new-case-applicant-name" />
      </Form.Item>
      <Form.Item name="applicantPhone" label={t.applicantContact} rules={[{ transform: (value?: string) => value?.trim(), pattern: /^\+?[0-9() -]+$/, min: 3, max: 30, message: t.phoneInvalid }]}>
        <Input data-testid="new-case-applicant-phone" />
      </Form.Item>
      {summary !== undefined && (
        <>
          <Divider titlePlacement="start">{t.application}</Divider>
          {version.isLoading ? <Spin description={t.loading} /> : <SchemaFormItems fields={fields} namePrefix="data" validate={validate} />}
        </>
      )}
      {failure !== null && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="new-case-error" />}
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        <Button onClick={onClose} style={{ marginRight: 8 }}>
          {t.cancel}
        </Button>
        <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="new-case-submit">
          {t.submit}
        </Button>
      </Form.Item>
    </Form>
  );
}

/**
 * Files an application at the one-window intake: the workflow, the jurisdiction (the clerk's own
 * or one below it), the applicant, and the application form generated from the workflow's
 * `dataSchema` and checked with the server's own validator of it; `POST /cases` with one
 * `Idempotency-Key` per opening. A 400 naming a field shows on that field; on success the console
 * opens the new case.
 */
export function NewCaseDialog({ open, user, onClose }: NewCaseDialogProps) {
  const t = useMessages(intakeMessages);
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t.title} width={640} destroyOnHidden>
      <NewCaseForm user={user} onClose={onClose} />
    </Modal>
  );
}
