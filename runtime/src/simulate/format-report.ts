import type { Distribution } from './distribution.ts';
import type { SimulationReport } from './simulation-report.ts';

const STOP_REASONS: Record<SimulationReport['run']['stoppedBecause'], string> = {
  allCompleted: 'every case completed',
  roundLimit: 'round limit reached',
  stalled: 'nothing moved for several rounds',
};

/**
 * The report as text for a terminal: run, cases by result, working days per case and per step,
 * statutory limits per department, escalations, timers and decisions. Names (often Chinese, two
 * columns wide in a terminal) come last on each line so the numbers stay aligned.
 *
 * Pure: performs no I/O.
 */
export function formatReport(report: SimulationReport): string {
  const lines: string[] = [];
  const { run, cases } = report;
  const rates = report.settings.rates as Record<string, number> | undefined;
  lines.push(`Tongban simulation: ${report.workflow.key} v${report.workflow.version} ${report.workflow.name}`);
  lines.push(
    `${cases.filed} cases, seed ${report.seed}, ${run.rounds} rounds; virtual clock ${run.clockStart} → ${run.clockEnd} (${run.simulatedWorkingDays} working days)`,
  );
  if (rates) {
    lines.push(`rates per decision: ${Object.entries(rates).map(([name, value]) => `${name} ${value}`).join(', ')}`);
  }
  lines.push(
    `stopped: ${STOP_REASONS[run.stoppedBecause]}; wall time ${run.wallSeconds.toFixed(1)} s; ${run.requests} requests, ${run.conflicts} conflicts (409), ${run.retries} retries, ${run.refused.count} refused`,
  );
  for (const example of run.refused.examples) lines.push(`  refused: ${example}`);

  lines.push('', 'Cases by result');
  for (const [result, count] of Object.entries(cases.byResult)) lines.push(`  ${result.padEnd(14)}${String(count).padStart(6)}`);

  lines.push('', `Working days per case (filed → completed)${''.padEnd(2)}${header()}`);
  lines.push(`  ${'all'.padEnd(41)}${row(cases.workingDays)}`);
  for (const [result, distribution] of Object.entries(cases.workingDaysByResult)) lines.push(`  ${result.padEnd(41)}${row(distribution)}`);

  lines.push('', `Working days per step              tasks  completed  closed  open${header()}`);
  for (const step of report.steps) {
    lines.push(
      `  ${step.nodeId.padEnd(32)}${num(step.tasks, 6)}${num(step.completed, 11)}${num(step.closed, 8)}${num(step.open, 6)}${row(step.workingDays)}  ${step.name}`,
    );
  }

  lines.push('', 'Statutory limits per department           tasks     met  breached  open  open overdue');
  for (const d of report.departments) {
    lines.push(`  ${d.departmentId.padEnd(40)}${num(d.tasks, 6)}${num(d.met, 8)}${num(d.breached, 10)}${num(d.open, 6)}${num(d.openOverdue, 14)}  ${d.name}`);
  }

  const { escalations } = report;
  const where = Object.entries(escalations.byJurisdiction).map(([j, n]) => `${j} ${n}`).join(', ');
  lines.push('', `Escalations: ${escalations.notices} notices about ${escalations.tasks} breached tasks${where ? ` (${where})` : ''}`);
  const fired = Object.entries(report.timersFired).map(([kind, n]) => `${kind} ${n}`).join(', ');
  lines.push(`Timers fired: ${fired || 'none'}`);
  const decided = Object.entries(report.decisions.byOutcome).map(([outcome, n]) => `${outcome} ${n}`).join(', ');
  lines.push(`Decisions: ${decided || 'none'}; slow tasks ${report.decisions.slowTasks}; supplements delivered ${report.decisions.supplements}`);

  if (cases.unfinished.length > 0) {
    lines.push('', `Unfinished cases (first ${cases.unfinished.length})`);
    for (const u of cases.unfinished) {
      const at = u.openTasks.map((t) => `${t.nodeId}@${t.departmentId}`).join(', ') || 'no open task';
      lines.push(`  ${u.caseId}  ${u.status}  ${at}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function header(): string {
  return `${'n'.padStart(7)}${'median'.padStart(9)}${'p95'.padStart(8)}`;
}

function row(d: Distribution): string {
  const value = (v: number | null) => (v === null ? '-' : v.toFixed(2));
  return `${num(d.count, 7)}${value(d.median).padStart(9)}${value(d.p95).padStart(8)}`;
}

function num(value: number, width: number): string {
  return String(value).padStart(width);
}
