import { CheckOutlined, CloseOutlined, FieldTimeOutlined, FileAddOutlined, RollbackOutlined } from '@ant-design/icons';
import type { WorkflowDefinition } from '@tongban/engine';
import { Alert, App as AntApp, Button, Card, Descriptions, Divider, Flex, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseView, SupplementItem, TaskView } from '../api/api.types.ts';
import { useServerClock } from '../api/clock-queries.ts';
import { useRequestExtension } from '../api/extension-queries.ts';
import { useUserNames } from '../api/task-operation-queries.ts';
import { useClaimTask, useCompleteTask, useReturnPreview } from '../api/task-queries.ts';
import type { CompleteTaskInput } from '../api/tongban-api.ts';
import { fromFormValues, type FormInputValue } from '../forms/form-values.ts';
import { GeneratedForm } from '../forms/GeneratedForm.tsx';
import { submitGeneratedForm } from '../forms/submit-generated-form.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { schemaFields } from '../intake/schema-fields.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { DueDate } from '../sla/DueDate.tsx';
import { TaskSlaBadge } from '../sla/TaskSlaBadge.tsx';
import { extensionMessages } from './extension.messages.ts';
import { ExtensionRequestDialog } from './ExtensionRequestDialog.tsx';
import { ExtensionStatus } from './ExtensionStatus.tsx';
import { HandlerChain } from './HandlerChain.tsx';
import { mayDecideTask } from './may-decide-task.ts';
import { outcomeOptions, returnTargets, userTaskOf, type OutcomeKind, type OutcomeOption } from './outcome-options.ts';
import { ReturnDialog, type ReturnDecision } from './ReturnDialog.tsx';
import { signingNotice } from './signing-notice.ts';
import { SupplementDialog } from './SupplementDialog.tsx';
import { TaskComments } from './TaskComments.tsx';
import { TaskOperationsBar } from './TaskOperationsBar.tsx';
import { taskOperationsMessages } from './task-operations.messages.ts';
import { workbenchMessages } from './workbench.messages.ts';

/** Form field a 补正 notice is also written to, when the task's form has it (both demo workflows do). */
const supplementField = 'supplementItems';

const outcomeIcons: Record<OutcomeKind, ReactNode> = {
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
  return: <RollbackOutlined />,
  requestSupplement: <FileAddOutlined />,
  custom: undefined,
};

/** Props of {@link TaskWorkbench}. */
export interface TaskWorkbenchProps {
  task: TaskView;
  caseView: CaseView;
  definition: WorkflowDefinition;
  departmentName: string;
}

/**
 * Where a clerk handles one task: claim it, fill in the form generated from the task's fields,
 * and decide with one button per allowed outcome. `return` asks for a target and a reason,
 * `requestSupplement` for what the applicant must supply; the others confirm first. When the
 * node offers an extension of its statutory limit, the clerk who claimed it may ask for one before
 * the deadline (amount up to the cap, reason); its state is shown on the task. A task with an added
 * signer (加签) says so: the clerk waits for the signer's approval, and the signer only approves
 * (with an opinion; the form is the clerk's). Conflicts (409) and refusals (403) are shown as clear messages.
 */
export function TaskWorkbench({ task, caseView, definition, departmentName }: TaskWorkbenchProps) {
  const t = useMessages(workbenchMessages);
  const x = useMessages(extensionMessages);
  const o = useMessages(taskOperationsMessages);
  const nameOf = useUserNames();
  const { locale } = useLocale();
  const { now } = useServerClock();
  const { user } = useAuth();
  const { modal, message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, FormInputValue>>();
  const [comment, setComment] = useState('');
  const [dialog, setDialog] = useState<'return' | 'requestSupplement' | 'extension' | null>(null);
  const claim = useClaimTask();
  const complete = useCompleteTask();
  const requestExtension = useRequestExtension();
  const node = userTaskOf(definition, task.nodeId);
  const fields = node?.form ?? [];
  const options = useMemo(() => (node === undefined ? [] : outcomeOptions(node, t.defaultLabels)), [node, t.defaultLabels]);
  const targets = useMemo(() => returnTargets(definition, task.nodeId), [definition, task.nodeId]);
  const [chosenTarget, setChosenTarget] = useState<string | undefined>(undefined);
  const returnTo = chosenTarget ?? (targets.length === 1 ? targets[0]?.nodeId : undefined);
  const returnPreview = useReturnPreview(task.id, returnTo, dialog === 'return');
  const applicationFields = useMemo(() => {
    const declared = schemaFields(definition.dataSchema);
    return declared.length > 0 ? declared.map(({ key, label }) => ({ key, label })) : Object.keys(caseView.data).map((key) => ({ key, label: key }));
  }, [definition.dataSchema, caseView.data]);

  const open = task.status === 'open' || task.status === 'claimed';
  const mine = task.status === 'claimed' && task.assigneeId === user?.id;
  // An added signer (加签), of whatever department, only approves their task: the form is the clerk's.
  const signer = task.signing?.role === 'signer';
  const mayAct = mayDecideTask(user, task) || (signer && mine);
  const delegatedToMe = task.delegation !== null && task.delegation.to === user?.id;
  // A delegatee only gives an opinion and resolves the task back: the owner completes it. A task
  // waiting for its signer is completed once they approve.
  const editable = open && mayAct && mine && task.delegation === null && !task.suspended && task.signing?.role !== 'waiting';
  const formEditable = editable && !signer;
  const decisions = useMemo<OutcomeOption[]>(() => (signer ? [{ id: 'approve', label: o.signerApprove, kind: 'approve' }] : options), [signer, options, o.signerApprove]);
  const signing = signingNotice(task, user?.id, o, nameOf);
  const mayComment = open && (mine || delegatedToMe || (user?.roles.some((role) => role === 'manager' || role === 'admin') ?? false));
  const error = claim.error ?? complete.error ?? requestExtension.error;
  const offeredExtension = node?.extension;
  const pastDue = task.dueAt !== null && now !== undefined && new Date(task.dueAt).getTime() <= now.getTime();
  const mayRequestExtension = formEditable && offeredExtension !== undefined && task.extension === null && task.dueAt !== null;

  const onRequestExtension = (input: { amount: number; reason: string }) =>
    requestExtension.mutate(
      { taskId: task.id, caseId: task.caseId, input },
      {
        onSuccess: () => {
          setDialog(null);
          void message.success(x.requestedToast);
        },
        onError: () => setDialog(null),
      },
    );

  const send = (option: OutcomeOption, input: Omit<CompleteTaskInput, 'outcome'>) =>
    complete.mutate(
      { taskId: task.id, caseId: task.caseId, input: { outcome: option.id, ...input } },
      {
        onSuccess: (result) => {
          setDialog(null);
          const next = result.nextTasks.map((created) => created.name).join('、');
          void message.success(
            [t.done(option.label), result.case.status === 'suspended' ? t.suspendedNow : next === '' ? null : t.nextTasks(next)]
              .filter((line) => line !== null)
              .join(' · '),
          );
        },
        onError: () => setDialog(null),
      },
    );

  const currentData = () => fromFormValues(fields, form.getFieldsValue(true) as Record<string, FormInputValue>);
  const trimmedComment = comment.trim() === '' ? {} : { comment: comment.trim() };

  const decide = async (option: OutcomeOption) => {
    complete.reset();
    if (option.kind === 'return' || option.kind === 'requestSupplement') {
      setDialog(option.kind);
      return;
    }
    // The API asks for required fields unless the task is rejected, so only a rejection skips
    // validation; a signer's approval carries no form data.
    const data = signer ? {} : option.kind === 'reject' ? currentData() : await submitGeneratedForm(form, fields);
    if (data === null) {
      void message.warning(t.formInvalid);
      return;
    }
    modal.confirm({
      title: t.confirmTitle(option.label),
      content: t.confirmBody(task.name),
      okText: t.confirmOk,
      cancelText: t.cancel,
      okButtonProps: { danger: option.kind === 'reject' },
      onOk: () => send(option, { data, ...trimmedComment }),
    });
  };

  const onReturn = ({ returnTo, reason }: ReturnDecision) => {
    const option = options.find((candidate) => candidate.kind === 'return');
    if (option !== undefined) send(option, { data: currentData(), comment: reason, returnTo });
  };

  const onSupplement = (items: SupplementItem[]) => {
    const option = options.find((candidate) => candidate.kind === 'requestSupplement');
    if (option === undefined) return;
    const data = currentData();
    const summary = items.map((item) => `${item.kind === 'field' ? (applicationFields.find((f) => f.key === item.field)?.label ?? item.field) : item.document}：${item.note}`).join('；');
    if (fields.some((field) => field.key === supplementField)) data[supplementField] = summary;
    send(option, { data, comment: summary, supplementItems: items });
  };

  const supplementDraft = () => {
    const draft = fields.some((field) => field.key === supplementField) ? currentData()[supplementField] : undefined;
    return typeof draft === 'string' ? draft : '';
  };

  let notice: ReactNode = null;
  if (!open) notice = <Alert type="success" showIcon title={t.closedTitle(formatInstant(task.completedAt, locale))} />;
  else if (task.delegation !== null) {
    notice = (
      <Alert
        type={delegatedToMe ? 'warning' : 'info'}
        showIcon
        title={delegatedToMe ? o.delegatedToMe(nameOf(task.delegation.from)) : o.delegatedTo(nameOf(task.delegation.to), nameOf(task.delegation.from))}
        data-testid="delegation-notice"
      />
    );
  } else if (task.suspended) notice = <Alert type="warning" showIcon title={t.suspended} data-testid="suspended-notice" />;
  else if (!mayAct) notice = <Alert type="info" showIcon title={user?.roles.includes('admin') ? t.adminReadsOnly : t.notYours} data-testid="read-only-notice" />;
  else if (task.status === 'open') {
    notice = (
      <Alert
        type="info"
        showIcon
        title={t.claimFirst}
        action={
          <Button type="primary" loading={claim.isPending} onClick={() => claim.mutate(task)} data-testid="workbench-claim">
            {t.claim}
          </Button>
        }
      />
    );
  } else if (!mine) notice = <Alert type="warning" showIcon title={t.claimedByOther(nameOf(task.assigneeId))} />;

  return (
    <Card
      title={t.title(task.name)}
      extra={
        <Space size={8}>
          {task.instance !== null && <Tag color="geekblue">{o.countersign(task.instance.index, task.instance.of)}</Tag>}
          <TaskSlaBadge task={task} definition={definition} suspended={task.suspended} />
        </Space>
      }
      data-testid="task-workbench"
      data-task-status={task.status}
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t.department}>{departmentName}</Descriptions.Item>
          <Descriptions.Item label={t.started}>{formatInstant(task.createdAt, locale)}</Descriptions.Item>
          {task.assigneeId !== null && (
            <Descriptions.Item label={t.assignee}>
              <span data-testid="workbench-assignee">{nameOf(task.assigneeId)}</span>
            </Descriptions.Item>
          )}
          {task.ownerId !== null && task.ownerId !== task.assigneeId && <Descriptions.Item label={o.owner}>{nameOf(task.ownerId)}</Descriptions.Item>}
          {task.claimedAt !== null && <Descriptions.Item label={t.claimedAt}>{formatInstant(task.claimedAt, locale)}</Descriptions.Item>}
          {task.dueAt !== null && (
            <Descriptions.Item label={x.dueAt}>
              <Space size={8} wrap>
                <span data-testid="workbench-due">
                  <DueDate dueAt={task.dueAt} provisional={task.provisional} />
                </span>
                {mayRequestExtension && (
                  <Tooltip title={pastDue ? x.requestPastDue : undefined}>
                    <Button
                      size="small"
                      icon={<FieldTimeOutlined />}
                      disabled={pastDue}
                      onClick={() => {
                        requestExtension.reset();
                        setDialog('extension');
                      }}
                      data-testid="request-extension"
                    >
                      {x.request}
                    </Button>
                  </Tooltip>
                )}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        {task.extension !== null && <ExtensionStatus extension={task.extension} />}
        {signing !== null && <Alert type={signing.type} showIcon title={signing.title} description={signing.description} data-testid="signing-notice" />}
        {notice}
        <TaskOperationsBar task={task} />
        {error !== null && <ErrorAlert error={error} />}
        <div>
          {/* The form is the clerk's to fill: a signer approves with an opinion. */}
          {!(signer && open) && (
            <>
              <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
                {t.form}
              </Divider>
              <GeneratedForm key={`${task.id}:${task.status}:${caseView.status}`} fields={fields} form={form} initialData={open ? caseView.data : (task.data ?? {})} disabled={!formEditable} />
            </>
          )}
          {editable && (
            <Form layout="vertical">
              <Form.Item label={t.comment}>
                <Input.TextArea
                  value={comment}
                  onChange={(event) => setComment(event.target.value)}
                  placeholder={t.commentPlaceholder}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  data-testid="task-comment"
                />
              </Form.Item>
            </Form>
          )}
        </div>
        {editable && (
          <Flex justify="space-between" align="center" wrap gap={8} data-testid="outcome-bar">
            <Typography.Text strong>{t.decide}</Typography.Text>
            <Space wrap>
              {decisions.map((option) => (
                <Button
                  key={option.id}
                  type={option.kind === 'approve' ? 'primary' : 'default'}
                  danger={option.kind === 'reject'}
                  icon={outcomeIcons[option.kind]}
                  loading={complete.isPending && complete.variables.input.outcome === option.id}
                  disabled={complete.isPending || (option.kind === 'return' && targets.length === 0)}
                  onClick={() => void decide(option)}
                  data-testid={`outcome-${option.id}`}
                >
                  {option.label}
                </Button>
              ))}
            </Space>
          </Flex>
        )}
        {!open && (task.outcome !== null || task.comment !== null) && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {[decisions.find((option) => option.id === task.outcome)?.label ?? task.outcome, task.comment].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
        )}
        <div>
          <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
            {o.comments}
          </Divider>
          <TaskComments taskId={task.id} caseId={task.caseId} mayComment={mayComment} />
        </div>
        <div>
          <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
            {o.chain}
          </Divider>
          <HandlerChain task={task} />
        </div>
      </Flex>
      <ReturnDialog
        open={dialog === 'return'}
        targets={targets}
        submitting={complete.isPending}
        cancels={returnPreview.data?.cancels ?? []}
        onTargetChange={setChosenTarget}
        onSubmit={onReturn}
        onCancel={() => setDialog(null)}
      />
      <SupplementDialog
        open={dialog === 'requestSupplement'}
        fields={applicationFields}
        initialNote={dialog === 'requestSupplement' ? supplementDraft() : ''}
        submitting={complete.isPending}
        onSubmit={onSupplement}
        onCancel={() => setDialog(null)}
      />
      {offeredExtension !== undefined && (
        <ExtensionRequestDialog
          open={dialog === 'extension'}
          cap={offeredExtension.cap}
          approverRole={offeredExtension.approverRole}
          submitting={requestExtension.isPending}
          onSubmit={onRequestExtension}
          onCancel={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
