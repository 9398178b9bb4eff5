import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ForecastAnswer, ForecastDepartment, ForecastTask } from '../api/api.types.ts';
import { useForecast } from '../api/monitor-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { taskPath } from '../tasks/task-path.ts';
import { forecastMessages } from './forecast.messages.ts';
import { whatIfRequest, type ClerkChangeRow, type ClosureRow } from './what-if-request.ts';

/** Tasks shown among the top risks. */
const topRisks = 20;
const danger = '#cf1322';
const success = '#389e0d';

interface Settings {
  horizonDays: number;
  runs: number;
  seed: number;
}

interface WhatIfForm {
  clerks?: ClerkChangeRow[];
  closures?: ClosureRow[];
}

const percent = (p: number | undefined) => (p === undefined ? '—' : `${Math.round(p * 100)}%`);

/**
 * The monitor's 预测 tab (managers): runs `POST /monitor/forecast` over the manager's
 * jurisdiction, shows the departments ranked by expected breaches and the tasks most likely to
 * breach, and a what-if (clerks ± per department, a department closed for a day) run beside it.
 */
export function ForecastPanel() {
  const t = useMessages(forecastMessages);
  const { locale } = useLocale();
  const forecast = useForecast();
  const [settings] = Form.useForm<Settings>();
  const [whatIfForm] = Form.useForm<WhatIfForm>();
  const [answer, setAnswer] = useState<ForecastAnswer | undefined>();

  const run = async (withWhatIf: boolean) => {
    const values = await settings.validateFields();
    const form = whatIfForm.getFieldsValue();
    const whatIf = withWhatIf ? whatIfRequest(form.clerks ?? [], form.closures ?? []) : undefined;
    setAnswer(await forecast.mutateAsync({ ...values, ...(whatIf ? { whatIf } : {}) }));
  };

  // A what-if changes departments of the manager's jurisdiction only (the server answers 403 for another).
  const departmentOptions = (answer?.departments ?? []).filter((d) => d.inScope).map((d) => ({ value: d.departmentId, label: d.name }));
  const departmentName = new Map((answer?.departments ?? []).map((d) => [d.departmentId, d.name]));
  const compared = answer?.whatIfExpectedBreaches !== undefined;

  const departmentColumns: ColumnsType<ForecastDepartment> = [
    { title: t.columns.rank, key: 'rank', width: 48, render: (_, __, index) => index + 1 },
    { title: t.columns.department, dataIndex: 'name', key: 'name' },
    {
      title: t.columns.clerks,
      key: 'clerks',
      render: (_, d) => (d.whatIf && d.whatIf.clerks !== d.clerks ? `${d.clerks} → ${d.whatIf.clerks}` : d.clerks),
    },
    { title: t.columns.rate, key: 'rate', render: (_, d) => d.tasksPerClerkPerDay.toFixed(1) },
    {
      title: t.columns.source,
      key: 'source',
      render: (_, d) =>
        d.source === 'history' ? (
          <Tag color="blue">{t.sourceHistory(d.decisions)}</Tag>
        ) : (
          <Tooltip title={t.sourceProfileHint}>
            <Tag>{t.sourceProfile}</Tag>
          </Tooltip>
        ),
    },
    { title: t.columns.expected, key: 'expected', render: (_, d) => <span data-testid={`forecast-expected-${d.departmentId}`}>{d.expectedBreaches.toFixed(1)}</span> },
    ...(compared
      ? ([
          { title: t.columns.whatIf, key: 'whatIf', render: (_, d) => <span data-testid={`forecast-what-if-${d.departmentId}`}>{d.whatIf?.expectedBreaches.toFixed(1) ?? '—'}</span> },
          {
            title: t.columns.change,
            key: 'change',
            render: (_, d) => {
              const change = (d.whatIf?.expectedBreaches ?? d.expectedBreaches) - d.expectedBreaches;
              if (Math.abs(change) < 0.05) return '0';
              return <span style={{ color: change > 0 ? danger : success }}>{`${change > 0 ? '+' : ''}${change.toFixed(1)}`}</span>;
            },
          },
        ] satisfies ColumnsType<ForecastDepartment>)
      : []),
  ];

  const taskColumns: ColumnsType<ForecastTask> = [
    {
      title: t.columns.caseNumber,
      key: 'case',
      render: (_, task) => (
        <AppLink to={`/cases/${task.caseId}`} testId={`forecast-case-${task.taskId}`}>
          {task.caseNumber}
        </AppLink>
      ),
    },
    {
      title: t.columns.task,
      key: 'task',
      render: (_, task) => (
        <AppLink to={taskPath({ id: task.taskId, caseId: task.caseId })} testId={`forecast-task-${task.taskId}`}>
          {task.name}
        </AppLink>
      ),
    },
    { title: t.columns.department, key: 'department', render: (_, task) => departmentName.get(task.departmentId) ?? task.departmentId },
    {
      title: t.columns.due,
      key: 'due',
      render: (_, task) => (
        <Space size={4}>
          {task.dueAt === null ? t.noDue : formatInstant(task.dueAt, locale)}
          {task.overdue && <Tag color="red">{t.overdue}</Tag>}
        </Space>
      ),
    },
    {
      title: t.columns.probability,
      key: 'probability',
      render: (_, task) => <span style={{ color: task.breachProbability >= 0.5 ? danger : undefined }}>{percent(task.breachProbability)}</span>,
    },
    ...(compared ? ([{ title: t.columns.whatIf, key: 'whatIf', render: (_, task) => percent(task.whatIfBreachProbability) }] satisfies ColumnsType<ForecastTask>) : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="forecast-panel">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <Form form={settings} layout="inline" initialValues={{ horizonDays: 10, runs: 200, seed: 1 }}>
        <Form.Item name="horizonDays" label={t.horizon} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} precision={0} data-testid="forecast-horizon" />
        </Form.Item>
        <Form.Item name="runs" label={t.runs} rules={[{ required: true }]}>
          <InputNumber min={1} max={2000} precision={0} />
        </Form.Item>
        <Form.Item name="seed" label={t.seed} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Button type="primary" loading={forecast.isPending} onClick={() => void run(false)} data-testid="forecast-run">
          {t.run}
        </Button>
      </Form>
      {forecast.isError && <ErrorAlert error={forecast.error} />}
      {answer === undefined ? (
        <Typography.Text type="secondary">{t.notRun}</Typography.Text>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col flex="1 1 140px">
              <Statistic title={t.openCases} value={answer.openCases} />
            </Col>
            <Col flex="1 1 140px" data-testid="forecast-expected">
              <Statistic title={t.expectedBreaches} value={answer.expectedBreaches.toFixed(1)} />
            </Col>
            {compared && (
              <Col flex="1 1 140px" data-testid="forecast-what-if-expected">
                <Statistic
                  title={t.whatIfBreaches}
                  value={answer.whatIfExpectedBreaches?.toFixed(1)}
                  styles={{ content: { color: (answer.whatIfExpectedBreaches ?? 0) <= answer.expectedBreaches ? success : danger } }}
                />
              </Col>
            )}
          </Row>
          <Typography.Text type="secondary" data-testid="forecast-basis">
            {t.horizonEnd(answer.horizonEnd)} · {t.basis(answer.runs, answer.seed, answer.elapsedMs)}
          </Typography.Text>
          {answer.profileDepartments.length > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="forecast-note"
              message={t.profileNote(
                answer.profileDepartments.length,
                answer.departments.length,
                answer.profileDepartments.map((id) => departmentName.get(id) ?? id).join(locale === 'zh-CN' ? '、' : ', '),
              )}
            />
          )}
          <Card size="small" title={t.whatIf} extra={<Typography.Text type="secondary">{t.whatIfHint}</Typography.Text>}>
            <Form form={whatIfForm} layout="vertical">
              <Form.List name="clerks">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {fields.map((field, index) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'departmentId']} noStyle>
                          <Select style={{ width: 240 }} placeholder={t.department} options={departmentOptions} showSearch optionFilterProp="label" data-testid={`what-if-clerks-department-${index}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'delta']} noStyle>
                          <InputNumber min={-100} max={100} precision={0} placeholder={t.clerksDelta} data-testid={`what-if-clerks-delta-${index}`} />
                        </Form.Item>
                        <Button type="text" icon={<DeleteOutlined />} aria-label={t.remove} onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ delta: 1 })} data-testid="what-if-add-clerks" style={{ alignSelf: 'start' }}>
                      {t.addClerks}
                    </Button>
                  </Flex>
                )}
              </Form.List>
              <Form.List name="closures">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4} style={{ marginTop: 8 }}>
                    {fields.map((field, index) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'departmentId']} noStyle>
                          <Select style={{ width: 240 }} placeholder={t.department} options={departmentOptions} showSearch optionFilterProp="label" data-testid={`what-if-closure-department-${index}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'day']} noStyle>
                          <InputNumber min={1} max={answer.horizonDays} precision={0} placeholder={t.closureDay} data-testid={`what-if-closure-day-${index}`} />
                        </Form.Item>
                        <Button type="text" icon={<DeleteOutlined />} aria-label={t.remove} onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ day: 1 })} data-testid="what-if-add-closure" style={{ alignSelf: 'start' }}>
                      {t.addClosure}
                    </Button>
                  </Flex>
                )}
              </Form.List>
              <Button type="primary" ghost loading={forecast.isPending} onClick={() => void run(true)} style={{ marginTop: 12 }} data-testid="forecast-compare">
                {t.compare}
              </Button>
            </Form>
          </Card>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t.departments}
          </Typography.Title>
          <Table rowKey="departmentId" size="small" columns={departmentColumns} dataSource={answer.departments.filter((d) => d.expectedBreaches > 0 || (d.whatIf?.expectedBreaches ?? 0) > 0 || d.expectedDecisions > 0)} pagination={{ pageSize: 8, hideOnSinglePage: true }} data-testid="forecast-departments" />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t.topRisks}
          </Typography.Title>
          <Table rowKey={(task) => `${task.caseId}/${task.taskId}`} size="small" columns={taskColumns} dataSource={answer.tasks.slice(0, topRisks)} pagination={false} locale={{ emptyText: t.empty }} data-testid="forecast-tasks" />
        </>
      )}
    </Flex>
  );
}
