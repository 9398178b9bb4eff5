import type { Duration, TaskSla } from '@tongban/engine';
import type { DesignWords } from '../messages.ts';

/** `5 工作日`: a limit in the designer's words. */
export function durationText(duration: Duration, t: DesignWords): string {
  const units = duration.amount === 1 ? t.unitsOne : t.units;
  return `${duration.amount} ${units[duration.unit]}`;
}

/** `承诺 1 工作日 · 法定 20 工作日`: a task's limits in one line, empty when it has none. */
export function slaText(sla: TaskSla | undefined, t: DesignWords): string {
  if (sla === undefined) return '';
  const parts: string[] = [];
  if (sla.promised !== undefined) parts.push(`${t.promisedShort} ${durationText(sla.promised, t)}`);
  if (sla.statutory !== undefined) parts.push(`${t.statutoryShort} ${durationText(sla.statutory, t)}`);
  return parts.join(' · ');
}
