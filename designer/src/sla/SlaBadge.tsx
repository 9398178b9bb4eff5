import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { SlaState } from '../api/api.types.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { slaMessages } from './sla.messages.ts';
import type { DaysLeft } from './working-days-left.ts';

/** Props of {@link SlaBadge}. */
export interface SlaBadgeProps {
  state: SlaState;
  /** Time the statutory limit has left (see `daysLeft`); null when there is none or it is closed. */
  left?: DaysLeft | null;
  /** For an overdue task: how far past the statutory limit it is (see `overdueBy`). */
  overdue?: DaysLeft | null;
  /** Instant of the statutory limit. */
  dueAt?: string | null;
  /** Instant of the promised limit. */
  atRiskAt?: string | null;
  /** The due date was counted weekends-only (a year without a holiday notice). */
  provisional?: boolean;
  /** The case waits for a supplement: every clock is paused. */
  suspended?: boolean;
}

const colours: Record<SlaState, string> = {
  onTrack: 'success',
  atRisk: 'warning',
  overdue: 'error',
  met: 'default',
  breached: 'error',
  cancelled: 'default',
};

/**
 * The SLA state of a task or case: on track (green), at risk (amber), overdue (red), or how it
 * closed, with the working days its statutory limit has left; the limits' instants on hover.
 */
export function SlaBadge({ state, left = null, overdue = null, dueAt = null, atRiskAt = null, provisional = false, suspended = false }: SlaBadgeProps) {
  const t = useMessages(slaMessages);
  const { locale } = useLocale();
  const open = state === 'onTrack' || state === 'atRisk' || state === 'overdue';
  const paused = open && suspended;
  let detail: string | null = null;
  if (state === 'overdue') detail = overdue === null ? t.pastDue : overdue.days >= 1 ? t.over(overdue.days, overdue.working) : t.overLessThanADay(overdue.working);
  else if (open && left !== null) detail = left.days >= 1 ? t.left(left.days, left.working) : t.lessThanADay(left.working);
  const tooltip = [
    atRiskAt !== null ? t.atRiskAt(formatInstant(atRiskAt, locale)) : null,
    dueAt !== null ? t.dueAt(formatInstant(dueAt, locale)) : open ? t.noLimit : null,
    provisional ? t.provisional : null,
    paused ? t.paused : null,
  ].filter((line): line is string => line !== null);
  const tag = (
    <Tag
      color={paused ? 'default' : colours[state]}
      icon={paused ? <PauseCircleOutlined /> : open ? <ClockCircleOutlined /> : undefined}
      data-testid="sla-badge"
      data-sla-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t.states[state]}
      {detail !== null && ` · ${detail}`}
      {paused && ` · ${t.pausedShort}`}
      {provisional && '*'}
    </Tag>
  );
  return tooltip.length === 0 ? tag : <Tooltip title={tooltip.map((line) => <div key={line}>{line}</div>)}>{tag}</Tooltip>;
}
