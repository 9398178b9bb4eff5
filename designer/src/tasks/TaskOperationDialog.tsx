import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo } from 'react';
import type { TaskView } from '../api/api.types.ts';
import { useDepartments } from '../api/reference-queries.ts';
import type { OrganisationUser } from '../api/task-operation.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { taskOperationsMessages } from './task-operations.messages.ts';
import { UserSelect } from './UserSelect.tsx';

/** The operations on one task that ask for a target or a reason. */
export type TaskOperation = 'unclaim' | 'transfer' | 'delegate' | 'resolve' | 'addSigners' | 'removeSigner' | 'copy';

/** What the dialog collects; each operation uses its own fields. */
export interface TaskOperationValues {
  departmentId?: string;
  userId?: string;
  /** User ids (抄送), logins (加签 on a countersignature over assignees) or department kinds (over departments). */
  targets?: string[];
  /** 加签 on a single task: before or after its assignee, and the signer's login. */
  position?: 'before' | 'after';
  signer?: string;
  reason?: string;
}

/** Props of {@link TaskOperationDialog}. */
export interface TaskOperationDialogProps {
  operation: TaskOperation | null;
  task: TaskView;
  /** The signed-in user's id, never offered as a target. */
  selfId: string | undefined;
  submitting: boolean;
  onSubmit(operation: TaskOperation, values: TaskOperationValues): void;
  onCancel(): void;
}

const reasonRequired: Record<TaskOperation, boolean> = {
  unclaim: false,
  transfer: true,
  delegate: true,
  resolve: true,
  addSigners: true,
  removeSigner: true,
  copy: false,
};

/**
 * Asks for what one operation on a task needs: 转办 a department and/or a clerk of it holding the
 * task's role, and a reason; 委派 a delegatee and a reason; 归还 an opinion; 加签 signers (clerks of
 * the task's department, or department kinds for a countersignature over departments) and a
 * reason; 减签 a reason; 抄送 people and an optional note; 取消认领 an optional reason.
 */
export function TaskOperationDialog({ operation, task, selfId, submitting, onSubmit, onCancel }: TaskOperationDialogProps) {
  const t = useMessages(taskOperationsMessages);
  const departments = useDepartments();
  const [form] = Form.useForm<TaskOperationValues>();
  const chosenDepartment = Form.useWatch('departmentId', form);
  const targetDepartment = chosenDepartment ?? task.departmentId;

  const departmentOptions = useMemo(
    () => [...departments.values()].filter((d) => d.id !== task.departmentId).map((d) => ({ value: d.id, label: d.name })),
    [departments, task.departmentId],
  );
  const kindOptions = useMemo(() => {
    const kinds = new Map<string, string>();
    for (const department of departments.values()) if (!kinds.has(department.kind)) kinds.set(department.kind, department.name.replace(/^.+?(区|市|新区)/u, ''));
    return [...kinds].map(([value, label]) => ({ value, label: `${label} (${value})` }));
  }, [departments]);

  const transferFilter = useMemo(
    () => (user: OrganisationUser) => user.id !== selfId && user.departmentId === targetDepartment && user.roles.includes(task.candidateRole),
    [selfId, targetDepartment, task.candidateRole],
  );
  const otherUser = useMemo(() => (user: OrganisationUser) => user.id !== selfId, [selfId]);
  const signerFilter = useMemo(
    () => (user: OrganisationUser) => user.id !== selfId && user.departmentId === task.departmentId && user.roles.includes(task.candidateRole),
    [selfId, task.departmentId, task.candidateRole],
  );

  if (operation === null) return null;
  const titles: Record<TaskOperation, string> = {
    unclaim: t.unclaimTitle,
    transfer: t.transferTitle,
    delegate: t.delegateTitle,
    resolve: t.resolveTitle,
    addSigners: task.instance === null ? t.addSignerTitle : t.addSignersTitle,
    removeSigner: t.removeSignerTitle,
    copy: t.copyTitle,
  };
  const notes: Record<TaskOperation, string> = {
    unclaim: t.unclaimNote,
    transfer: t.transferNote,
    delegate: t.delegateNote,
    resolve: t.resolveNote,
    addSigners: task.instance === null ? t.addSignerSingleNote : task.instance.over === 'departments' ? t.addSignersDepartmentsNote : t.addSignersNote,
    removeSigner: t.removeSignerNote,
    copy: t.copyNote,
  };

  const submit = () =>
    form.validateFields().then(
      (values) => onSubmit(operation, { ...values, ...(values.reason !== undefined && { reason: values.reason.trim() }) }),
      // The form shows what is missing beside the fields.
      () => undefined,
    );

  return (
    <Modal
      open
      title={titles[operation]}
      okText={t.ok}
      cancelText={t.cancel}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid={`operation-dialog-${operation}`}
    >
      <Alert type="info" showIcon title={notes[operation]} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        {operation === 'transfer' && (
          <>
            <Form.Item name="departmentId" label={t.department} extra={t.departmentHint}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={departmentOptions}
                onChange={() => form.setFieldValue('userId', undefined)}
                data-testid="operation-department"
              />
            </Form.Item>
            <Form.Item
              name="userId"
              label={t.user}
              extra={t.userHint}
              dependencies={['departmentId']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value !== undefined || getFieldValue('departmentId') !== undefined ? Promise.resolve() : Promise.reject(new Error(t.targetRequired)),
                }),
              ]}
            >
              <UserSelect filter={transferFilter} testId="operation-user" />
            </Form.Item>
          </>
        )}
        {operation === 'delegate' && (
          <Form.Item name="userId" label={t.user} rules={[{ required: true, message: t.userRequired }]}>
            <UserSelect filter={otherUser} testId="operation-user" />
          </Form.Item>
        )}
        {operation === 'addSigners' && task.instance?.over === 'departments' && (
          <Form.Item name="targets" label={t.signerDepartments} rules={[{ required: true, message: t.userRequired }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={kindOptions} data-testid="operation-targets" />
          </Form.Item>
        )}
        {operation === 'addSigners' && task.instance === null && (
          <>
            <Form.Item name="position" label={t.signerPosition} initialValue="before" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'before', label: t.signBefore },
                  { value: 'after', label: t.signAfter },
                ]}
                data-testid="operation-position"
              />
            </Form.Item>
            <Form.Item name="signer" label={t.signer} rules={[{ required: true, message: t.userRequired }]}>
              <UserSelect pick="username" filter={otherUser} testId="operation-signer" />
            </Form.Item>
          </>
        )}
        {operation === 'addSigners' && task.instance !== null && task.instance.over !== 'departments' && (
          <Form.Item name="targets" label={t.signers} rules={[{ required: true, message: t.userRequired }]}>
            <UserSelect multiple pick="username" filter={signerFilter} testId="operation-targets" />
          </Form.Item>
        )}
        {operation === 'copy' && (
          <Form.Item name="targets" label={t.users} rules={[{ required: true, message: t.userRequired }]}>
            <UserSelect multiple filter={otherUser} testId="operation-targets" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={operation === 'resolve' ? t.opinion : reasonRequired[operation] ? t.reason : t.reasonOptional}
          rules={reasonRequired[operation] ? [{ required: true, whitespace: true, message: operation === 'resolve' ? t.opinionRequired : t.reasonRequired }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="operation-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
