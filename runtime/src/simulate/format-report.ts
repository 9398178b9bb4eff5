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
  for (const [result, count] of Object.entries(cases.byResult)) lines.push(`  ${result.padEnd(14)}${columns([count, 6])}`);

  lines.push('', `${'Working days per case (filed → completed)'.padEnd(CASE_WIDTH + 2)}${header()}`);
  lines.push(`  ${'all'.padEnd(CASE_WIDTH)}${row(cases.workingDays)}`);
  for (const [result, distribution] of Object.entries(cases.workingDaysByResult)) lines.push(`  ${result.padEnd(CASE_WIDTH)}${row(distribution)}`);

  lines.push('', `${'Working days per step'.padEnd(STEP_WIDTH + 2)}${columns(['tasks', 6], ['completed', 11], ['closed', 8], ['open', 6])}${header()}`);
  for (const step of report.steps) {
    lines.push(
      `  ${step.nodeId.padEnd(STEP_WIDTH)}${columns([step.tasks, 6], [step.completed, 11], [step.closed, 8], [step.open, 6])}${row(step.workingDays)}  ${step.name}`,
    );
  }

  lines.push('', `${'Statutory limits per department'.padEnd(DEPARTMENT_WIDTH + 2)}${columns(['tasks', 6], ['met', 6], ['breached', 10], ['open', 6], ['open overdue', 14])}`);
  for (const d of report.departments) {
    lines.push(`  ${d.departmentId.padEnd(DEPARTMENT_WIDTH)}${columns([d.tasks, 6], [d.met, 6], [d.breached, 10], [d.open, 6], [d.openOverdue, 14])}  ${d.name}`);
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

const CASE_WIDTH = 40;
const STEP_WIDTH = 28;
const DEPARTMENT_WIDTH = 34;

function header(): string {
  return columns(['n', 7], ['median', 9], ['p95', 8]);
}

function row(d: Distribution): string {
  const value = (v: number | null) => (v === null ? '-' : v.toFixed(2));
  return columns([d.count, 7], [value(d.median), 9], [value(d.p95), 8]);
}

/** Values right-aligned in columns of the given widths. */
function columns(...cells: [string | number, number][]): string {
  return cells.map(([value, width]) => String(value).padStart(width)).join('');
}
