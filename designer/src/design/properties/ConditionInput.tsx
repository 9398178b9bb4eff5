import { conditionVariables, nearestNames, parseCondition, type ConditionScope } from '@tongban/engine';
import { AutoComplete, Flex, Input, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { panelMessages } from './panel.messages.ts';

/** The name being typed at the end of `text`, and the text before it. */
function partialName(text: string): { before: string; partial: string } {
  const match = /[A-Za-z_][A-Za-z0-9_]*$/.exec(text);
  return match === null ? { before: text, partial: '' } : { before: text.slice(0, match.index), partial: match[0] };
}

/** What is wrong with a condition, as the editor shows it. */
interface ConditionCheck {
  syntax: { position: number; message: string } | null;
  readsClock: boolean;
  unknown: { name: string; nearest: string[] }[];
}

function checkCondition(text: string, scope: ConditionScope, checksNames: boolean): ConditionCheck {
  const parsed = parseCondition(text);
  if (!parsed.ok) return { syntax: { position: parsed.error.position?.from ?? 0, message: parsed.error.message }, readsClock: false, unknown: [] };
  const known = scope.names.map((entry) => entry.name);
  const unknown = checksNames
    ? [...new Set(conditionVariables(text).map((variable) => variable.name))].filter((name) => !known.includes(name)).map((name) => ({ name, nearest: nearestNames(name, known) }))
    : [];
  return { syntax: null, readsClock: parsed.readsClock, unknown };
}

/**
 * A FEEL condition checked as it is typed by the engine's strict parser, with the names it may read
 * (the application's fields, the form fields of upstream tasks) completed while typing and listed
 * below; an unknown name is flagged with the nearest known ones. Empty means no condition.
 */
export function ConditionInput({
  value,
  scope,
  checksNames,
  onChange,
}: {
  value: string | undefined;
  scope: ConditionScope;
  /** Whether unknown names are flagged: only when the definition describes its application data. */
  checksNames: boolean;
  onChange(value: string | undefined): void;
}) {
  const t = useMessages(designMessages);
  const w = useMessages(panelMessages);
  const text = value ?? '';
  const check = useMemo(() => (text.trim() === '' ? null : checkCondition(text, scope, checksNames)), [text, scope, checksNames]);
  const { before, partial } = partialName(text);
  const options =
    partial === ''
      ? []
      : scope.names
          .filter((entry) => entry.name.toLowerCase().includes(partial.toLowerCase()) && entry.name !== partial)
          .map((entry) => ({
            value: `${before}${entry.name}`,
            label: (
              <span data-testid={`condition-option-${entry.name}`}>
                <code>{entry.name}</code> <Typography.Text type="secondary">{entry.label ?? ''}</Typography.Text>
              </span>
            ),
          }));
  const set = (next: string) => onChange(next === '' ? undefined : next);
  const status = check === null ? null : check.syntax !== null ? 'error' : check.readsClock || check.unknown.length > 0 ? 'warning' : 'ok';
  return (
    <Flex vertical gap={4}>
      <AutoComplete value={text} options={options} onChange={(next: string) => set(next)} style={{ width: '100%' }} popupMatchSelectWidth>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t.properties.conditionPlaceholder}
          status={status === 'error' ? 'error' : status === 'warning' ? 'warning' : undefined}
          aria-label={t.properties.condition}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
          data-testid="edge-condition"
        />
      </AutoComplete>
      {check !== null && (
        <Typography.Text
          type={status === 'error' ? 'danger' : status === 'warning' ? 'warning' : 'success'}
          data-testid="edge-condition-status"
          data-ok={String(check.syntax === null)}
          data-status={status ?? ''}
        >
          {check.syntax !== null ? (
            <>
              {w.conditionSyntax(check.syntax.position)}
              <pre style={{ margin: '2px 0', fontSize: 12 }} data-testid="edge-condition-caret">
                {text}
                {'\n'}
                {' '.repeat(check.syntax.position)}^
              </pre>
              <span style={{ fontSize: 12 }}>{check.syntax.message}</span>
            </>
          ) : check.readsClock ? (
            t.properties.conditionReadsClock
          ) : check.unknown.length > 0 ? (
            check.unknown.map((entry) => (
              <div key={entry.name} data-testid="edge-condition-unknown" data-name={entry.name}>
                {w.conditionUnknown(entry.name, entry.nearest.join(', '))}
                {scope.openSources.length > 0 ? w.conditionOpen(scope.openSources.join(', ')) : ''}
              </div>
            ))
          ) : (
            t.properties.conditionOk
          )}
        </Typography.Text>
      )}
      {scope.names.length > 0 && (
        <Flex gap={4} wrap align="center" data-testid="condition-names">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.conditionKnown}:
          </Typography.Text>
          {scope.names.map((entry) => (
            <Tooltip key={entry.name} title={`${entry.source === 'application' ? w.conditionSourceApplication : w.conditionSourceTask(entry.nodeId ?? '')}${entry.label === undefined ? '' : ` · ${entry.label}`}`}>
              <Tag
                color={entry.source === 'application' ? 'blue' : 'green'}
                style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                onClick={() => set(`${partial === '' ? text : before}${partial === '' && text !== '' && !text.endsWith(' ') ? ' ' : ''}${entry.name}`)}
                data-testid={`condition-name-${entry.name}`}
              >
                {entry.name}
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
