import {
  addDuration,
  builtInCalendars,
  formatLocalDateTime,
  offeredOutcomes,
  outcomeNeedsReason,
  parseLocalDateTime,
  slaStateAt,
  slaUnitSchema,
  suspensionReasons,
  type BusinessCalendar,
  type SuspensionReason,
  type SlaUnit,
  type WorkflowDefinition,
} from '@tongban/engine';
import { Alert, Button, Card, Flex, Input, InputNumber, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages, type DesignWords } from '../messages.ts';
import {
  advanceSimulation,
  returnTargets,
  sendSimulationEvent,
  startSimulation,
  type SimulatedClock,
  type SimulatedTask,
  type SimulationLogEntry,
  type SimulationState,
} from '../model/simulation.ts';
import { allFormFields } from './field-value.ts';
import { FieldInput } from './FieldInput.tsx';

/** Props of {@link SimulationPanel}. */
export interface SimulationPanelProps {
  definition: WorkflowDefinition;
  /** Whether the definition has errors: then it cannot be compiled, so not simulated. */
  hasErrors: boolean;
  /** Reports the nodes the simulated case sits on, to highlight them on the canvas. */
  onActiveNodes(nodeIds: string[]): void;
}

const slaColors = { onTrack: 'green', atRisk: 'orange', overdue: 'red' } as const;

function localText(calendar: BusinessCalendar, instant: Date): string {
  return formatLocalDateTime(calendar, instant).slice(0, 16).replace('T', ' ');
}

function ClockLine({ label, clock, calendar, t, testId }: { label: string; clock: SimulatedClock | undefined; calendar: BusinessCalendar; t: DesignWords; testId: string }) {
  if (clock === undefined) return null;
  return (
    <Typography.Text style={{ fontSize: 12 }} data-testid={testId} data-due-date={clock.due.dueDate}>
      {label}: {clock.remainingMinutes === undefined ? localText(calendar, clock.due.dueAt) : `⏸ ${Math.round(clock.remainingMinutes)} min`}
      {clock.due.provisional && <Typography.Text type="warning"> {t.simulation.provisional}</Typography.Text>}
    </Typography.Text>
  );
}

/** One open task: its limits and SLA state, and the clerk's decision to send. */
function TaskCard({
  task,
  state,
  calendar,
  onComplete,
}: {
  task: SimulatedTask;
  state: SimulationState;
  calendar: BusinessCalendar;
  onComplete(decision: { outcome: string; data: Record<string, unknown>; returnTo?: string; reason?: string }): void;
}) {
  const t = useMessages(designMessages);
  const node = state.definition.nodes.find((candidate) => candidate.id === task.nodeId);
  const userTask = node?.type === 'userTask' ? node : undefined;
  const outcomes = userTask === undefined ? [] : offeredOutcomes(userTask);
  const [outcome, setOutcome] = useState<string | undefined>(outcomes[0]);
  const [data, setData] = useState<Record<string, unknown>>({});
  const targets = returnTargets(state.definition, task.nodeId);
  const [returnTo, setReturnTo] = useState<string | undefined>(targets[0]);
  const [reason, setReason] = useState('');
  const slaState = slaStateAt({ atRisk: task.atRisk?.due, breach: task.breach?.due }, state.now);
  const chosen = outcome === undefined ? undefined : (userTask?.outcomes.find((o) => o.id === outcome) ?? { id: outcome });
  const needsReason = chosen !== undefined && outcomeNeedsReason(state.definition.schemaVersion, chosen);
  const label = (id: string) => userTask?.outcomes.find((o) => o.id === id)?.label ?? id;
  return (
    <Card
      size="small"
      title={node?.name ?? task.nodeId}
      extra={<Tag color={slaColors[slaState]} data-sla-state={slaState}>{t.simulation.slaStates[slaState]}</Tag>}
      data-testid={`sim-task-${task.nodeId}`}
      data-task-id={task.taskId}
    >
      <Flex vertical gap={4}>
        <ClockLine label={t.simulation.promisedDue} clock={task.atRisk} calendar={calendar} t={t} testId={`sim-task-${task.nodeId}-promised`} />
        <ClockLine label={t.simulation.statutoryDue} clock={task.breach} calendar={calendar} t={t} testId={`sim-task-${task.nodeId}-statutory`} />
        {(userTask?.form ?? []).map((field) => (
          <FieldInput
            key={field.key}
            field={field}
            value={data[field.key]}
            onChange={(value) => setData((old) => ({ ...old, [field.key]: value }))}
            testId={`sim-task-${task.nodeId}-field-${field.key}`}
          />
        ))}
        {needsReason && (
          <Input.TextArea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            autoSize={{ minRows: 1, maxRows: 3 }}
            placeholder={t.simulation.reason}
            data-testid={`sim-task-${task.nodeId}-reason`}
          />
        )}
        <Space.Compact block>
          <Select
            size="small"
            value={outcome}
            onChange={setOutcome}
            options={outcomes.map((id) => ({ value: id, label: label(id) }))}
            aria-label={t.simulation.choose}
            data-testid={`sim-task-${task.nodeId}-outcome`}
            style={{ flex: 1 }}
          />
          {outcome === 'return' && targets.length > 1 && (
            <Select
              size="small"
              value={returnTo}
              onChange={setReturnTo}
              options={targets.map((id) => ({ value: id, label: state.definition.nodes.find((n) => n.id === id)?.name ?? id }))}
              aria-label={t.simulation.returnTo}
              style={{ flex: 1 }}
            />
          )}
          <Button
            size="small"
            type="primary"
            disabled={outcome === undefined || state.suspended}
            onClick={() => {
              if (outcome === undefined) return;
              onComplete({
                outcome,
                data,
                ...(outcome === 'return' && targets.length > 1 && returnTo !== undefined ? { returnTo } : {}),
                ...(needsReason && reason.trim() !== '' ? { reason: reason.trim() } : {}),
              });
            }}
            data-testid={`sim-task-${task.nodeId}-complete`}
          >
            {t.simulation.complete}
          </Button>
        </Space.Compact>
      </Flex>
    </Card>
  );
}

/** The node an event or effect names, as ` intake`, or nothing. */
function nodeOf(item: object): string {
  const nodeId = (item as { nodeId?: unknown }).nodeId;
  return typeof nodeId === 'string' ? ` ${nodeId}` : '';
}

/** One log entry as a line: `▶ task.complete intake → approve`, `· closeTask intake (completed)`. */
function logLine(entry: SimulationLogEntry): string {
  const { event, effect } = entry;
  if (event !== undefined) {
    const detail =
      event.type === 'task.complete'
        ? ` → ${event.outcome}`
        : event.type === 'case.suspend'
          ? ` (${event.reason})`
          : event.type === 'task.slaBreach'
            ? ` (${event.limit ?? 'statutory'})`
            : '';
    return `▶ ${event.type}${nodeOf(event)}${detail}`;
  }
  if (effect === undefined) return '';
  const detail =
    effect.type === 'closeTask'
      ? ` (${effect.reason})`
      : effect.type === 'completeCase'
        ? ` ${effect.result}`
        : effect.type === 'pauseCase'
          ? ` (${effect.reason})`
          : effect.type === 'deemOutcome'
            ? ` → ${effect.outcome}`
            : '';
  return `· ${effect.type}${nodeOf(effect)}${detail}`;
}

function parseData(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Runs the definition in the browser on the engine's pure step: the applicant's data (as JSON or
 * through the tasks' form fields), the clerks' decisions, the supplement, time passing on the
 * workflow's real business calendar with due dates and SLA states, and the active nodes lit on
 * the canvas.
 */
export function SimulationPanel(props: SimulationPanelProps) {
  const t = useMessages(designMessages);
  const key = props.definition.calendar;
  if (!builtInCalendars.has(key)) {
    return <Alert type="warning" showIcon title={t.simulation.unknownCalendar(key)} data-testid="simulation-panel" />;
  }
  return <SimulationRunner {...props} calendar={builtInCalendars.get(key)} />;
}

function SimulationRunner({ definition, hasErrors, onActiveNodes, calendar }: SimulationPanelProps & { calendar: BusinessCalendar }) {
  const t = useMessages(designMessages);
  const s = t.simulation;
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [dataText, setDataText] = useState('{}');
  const [startText, setStartText] = useState(() => formatLocalDateTime(calendar, new Date()).slice(0, 16));
  const [state, setState] = useState<SimulationState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [advance, setAdvance] = useState<{ amount: number; unit: SlaUnit }>({ amount: 1, unit: 'workingDay' });
  const [supplementText, setSupplementText] = useState('{}');
  const [pauseReason, setPauseReason] = useState<SuspensionReason>('inspection');
  const fields = useMemo(() => allFormFields(definition.nodes), [definition.nodes]);
  const data = parseData(dataText);

  useEffect(() => onActiveNodes(state?.activeNodeIds ?? []), [state, onActiveNodes]);
  useEffect(() => () => onActiveNodes([]), [onActiveNodes]);

  const run = (action: () => SimulationState) => {
    try {
      setState(action());
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  if (state === null) {
    return (
      <Flex vertical gap={8} data-testid="simulation-panel">
        {hasErrors && <Alert type="warning" showIcon title={s.needsValid} />}
        <Typography.Text>{s.startAt}</Typography.Text>
        <Input type="datetime-local" value={startText} onChange={(event) => setStartText(event.target.value)} data-testid="sim-start-at" />
        <Flex justify="space-between" align="center">
          <Typography.Text>{s.applicantData}</Typography.Text>
          <Segmented<'form' | 'json'>
            size="small"
            value={mode}
            onChange={(value) => setMode(value)}
            options={[
              { value: 'form', label: s.formData },
              { value: 'json', label: 'JSON' },
            ]}
          />
        </Flex>
        {mode === 'json' ? (
          <Input.TextArea
            value={dataText}
            onChange={(event) => setDataText(event.target.value)}
            autoSize={{ minRows: 4, maxRows: 12 }}
            status={data === null ? 'error' : undefined}
            style={{ fontFamily: 'ui-monospace, monospace' }}
            data-testid="sim-data-json"
          />
        ) : (
          fields.map((field) => (
            <Flex key={field.key} vertical gap={2}>
              {field.type !== 'boolean' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{field.label} <code>{field.key}</code></Typography.Text>}
              <FieldInput
                field={field}
                value={data?.[field.key]}
                onChange={(value) => setDataText(JSON.stringify({ ...(data ?? {}), [field.key]: value }, null, 2))}
                testId={`sim-data-${field.key}`}
              />
            </Flex>
          ))
        )}
        {data === null && <Typography.Text type="danger">{s.dataInvalid}</Typography.Text>}
        {error !== null && <Alert type="error" showIcon title={s.failed} description={error} />}
        <Button
          type="primary"
          disabled={hasErrors || data === null}
          onClick={() => run(() => startSimulation(definition, calendar, data ?? {}, parseLocalDateTime(calendar, startText)))}
          data-testid="sim-start"
        >
          {s.start}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={8} data-testid="simulation-panel">
      <Flex justify="space-between" align="center">
        <Typography.Text strong data-testid="sim-now">
          {s.now}: {localText(calendar, state.now)}
        </Typography.Text>
        <Space size={4}>
          {state.result === undefined && (
            <Button size="small" danger onClick={() => run(() => sendSimulationEvent(state, { type: 'case.withdraw' }, calendar))} data-testid="sim-withdraw">
              {s.withdraw}
            </Button>
          )}
          <Button size="small" onClick={() => setState(null)} data-testid="sim-reset">
            {s.reset}
          </Button>
        </Space>
      </Flex>
      <ClockLine label={s.caseDue} clock={state.caseClock} calendar={calendar} t={t} testId="sim-case-due" />
      {state.result === undefined && (
        <Space.Compact block>
          <InputNumber size="small" min={1} value={advance.amount} onChange={(amount) => setAdvance((old) => ({ ...old, amount: amount ?? 1 }))} style={{ width: 70 }} />
          <Select<SlaUnit>
            size="small"
            value={advance.unit}
            onChange={(unit) => setAdvance((old) => ({ ...old, unit }))}
            options={slaUnitSchema.options.map((unit) => ({ value: unit, label: t.units[unit] }))}
            style={{ width: 110 }}
          />
          <Button size="small" onClick={() => run(() => advanceSimulation(state, addDuration(calendar, state.now, advance).dueAt, calendar))} data-testid="sim-advance">
            {s.advance}
          </Button>
        </Space.Compact>
      )}
      {error !== null && <Alert type="error" showIcon closable title={s.failed} description={error} onClose={() => setError(null)} />}
      {state.result !== undefined && <Alert type="success" showIcon title={s.completed(state.result)} data-testid="sim-result" />}
      {state.suspension === 'supplement' && (
        <Alert
          type="warning"
          showIcon
          title={s.suspended}
          data-testid="sim-suspended"
          description={
            <Flex vertical gap={4}>
              <Input.TextArea value={supplementText} onChange={(event) => setSupplementText(event.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} />
              <Button
                size="small"
                onClick={() => run(() => sendSimulationEvent(state, { type: 'case.supplement', data: parseData(supplementText) ?? {} }, calendar))}
                data-testid="sim-supplement"
              >
                {s.supplement}
              </Button>
            </Flex>
          }
        />
      )}
      {state.suspension !== undefined && state.suspension !== 'supplement' && (
        <Alert
          type="info"
          showIcon
          title={s.paused(s.pauseReasons[state.suspension])}
          data-testid="sim-paused"
          action={
            <Button size="small" onClick={() => run(() => sendSimulationEvent(state, { type: 'case.resume' }, calendar))} data-testid="sim-resume">
              {s.resume}
            </Button>
          }
        />
      )}
      {state.result === undefined && !state.suspended && (
        <Space.Compact block>
          <Select<SuspensionReason>
            size="small"
            value={pauseReason}
            onChange={setPauseReason}
            options={suspensionReasons.map((reason) => ({ value: reason, label: s.pauseReasons[reason] }))}
            aria-label={s.pauseHint}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button size="small" title={s.pauseHint} onClick={() => run(() => sendSimulationEvent(state, { type: 'case.suspend', reason: pauseReason }, calendar))} data-testid="sim-pause">
            {s.pause}
          </Button>
        </Space.Compact>
      )}
      <Typography.Text strong>{s.openTasks}</Typography.Text>
      {state.tasks.length === 0 && <Typography.Text type="secondary">{s.noTasks}</Typography.Text>}
      {state.tasks.map((task) => (
        <TaskCard
          key={task.taskId}
          task={task}
          state={state}
          calendar={calendar}
          onComplete={(decision) =>
            run(() => sendSimulationEvent(state, { type: 'task.complete', nodeId: task.nodeId, taskId: task.taskId, ...decision }, calendar))
          }
        />
      ))}
      <Typography.Text strong>{s.log}</Typography.Text>
      <Flex vertical data-testid="sim-log" style={{ fontSize: 11, fontFamily: 'ui-monospace, monospace' }}>
        {state.log.map((entry, index) => (
          <span key={index}>
            {localText(calendar, new Date(entry.at))} {logLine(entry)}
          </span>
        ))}
      </Flex>
    </Flex>
  );
}
