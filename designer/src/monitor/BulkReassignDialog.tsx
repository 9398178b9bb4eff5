import { Alert, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMemo } from 'react';
import type { InboxItem } from '../api/api.types.ts';
import { useDepartments } from '../api/reference-queries.ts';
import type { OrganisationUser, ReassignResult } from '../api/task-operation.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { taskListsMessages } from '../tasks/task-lists.messages.ts';
import { taskOperationsMessages } from '../tasks/task-operations.messages.ts';
import { tasksMessages } from '../tasks/tasks.messages.ts';
import { UserSelect } from '../tasks/UserSelect.tsx';

/** What a bulk reassignment sends: a clerk, a department's queue, or a clerk there, and why. */
export interface BulkReassignValues {
  userId?: string;
  departmentId?: string;
  reason: string;
}

/** Props of {@link BulkReassignDialog}. */
export interface BulkReassignDialogProps {
  open: boolean;
  tasks: InboxItem[];
  submitting: boolean;
  /** The answer of the last reassignment: one result per task, shown in the dialog. */
  results: ReassignResult[] | null;
  errorText(code: string, message: string, status: number): string;
  onSubmit(values: BulkReassignValues): void;
  onClose(): void;
}

/**
 * Asks a manager for the target (a clerk, a department, or both) and the reason of a bulk
 * reassignment of the selected tasks, then shows what happened to each task.
 */
export function BulkReassignDialog({ open, tasks, submitting, results, errorText, onSubmit, onClose }: BulkReassignDialogProps) {
  const t = useMessages(taskListsMessages);
  const o = useMessages(taskOperationsMessages);
  const s = useMessages(tasksMessages);
  const departments = useDepartments();
  const [form] = Form.useForm<BulkReassignValues>();
  const chosenDepartment = Form.useWatch('departmentId', form);
  const departmentOptions = useMemo(() => [...departments.values()].map((d) => ({ value: d.id, label: d.name })), [departments]);
  const taskDepartments = useMemo(() => new Set(tasks.map((task) => task.departmentId)), [tasks]);
  const userFilter = useMemo(
    () => (user: OrganisationUser) =>
      user.roles.includes('clerk') && (chosenDepartment !== undefined ? user.departmentId === chosenDepartment : taskDepartments.has(user.departmentId)),
    [chosenDepartment, taskDepartments],
  );
  const names = new Map(tasks.map((task) => [task.id, task.name]));

  return (
    <Modal
      open={open}
      title={t.reassignTitle}
      okText={o.ok}
      cancelText={o.cancel}
      confirmLoading={submitting}
      okButtonProps={{ disabled: results !== null }}
      onOk={() => void form.validateFields().then((values) => onSubmit({ ...values, reason: values.reason.trim() }), () => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="reassign-dialog"
    >
      <Alert type="info" showIcon title={t.reassignNote} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} disabled={results !== null}>
        <Form.Item name="departmentId" label={o.department} extra={t.reassignDepartmentHint}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} onChange={() => form.setFieldValue('userId', undefined)} data-testid="reassign-department" />
        </Form.Item>
        <Form.Item
          name="userId"
          label={o.user}
          extra={o.userHint}
          dependencies={['departmentId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) => (value !== undefined || getFieldValue('departmentId') !== undefined ? Promise.resolve() : Promise.reject(new Error(o.targetRequired))),
            }),
          ]}
        >
          <UserSelect filter={userFilter} testId="reassign-user" />
        </Form.Item>
        <Form.Item name="reason" label={o.reason} rules={[{ required: true, whitespace: true, message: o.reasonRequired }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="reassign-reason" />
        </Form.Item>
      </Form>
      {results !== null && (
        <Table<ReassignResult>
          size="small"
          rowKey="taskId"
          pagination={false}
          dataSource={results}
          data-testid="reassign-results"
          columns={[
            { title: s.columnTask, key: 'task', render: (_, result) => names.get(result.taskId) ?? result.taskId },
            {
              title: t.reassignResult,
              key: 'result',
              render: (_, result) =>
                result.ok ? (
                  <Tag color="green" data-testid={`reassign-ok-${result.taskId}`}>
                    {t.resultOk}
                  </Tag>
                ) : (
                  <Tag color="red" data-testid={`reassign-failed-${result.taskId}`} style={{ whiteSpace: 'normal' }}>
                    {errorText(result.error.code, result.error.message, result.error.status)}
                  </Tag>
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
