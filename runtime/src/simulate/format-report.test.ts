import { describe, expect, it } from 'vitest';
import report from './__fixtures__/small-report.json' with { type: 'json' };
import { formatReport } from './format-report.ts';
import type { SimulationReport } from './simulation-report.ts';

const text = formatReport(report as SimulationReport);
const lines = text.split('\n');

describe('formatReport', () => {
  it('opens with the workflow, the run and the rates', () => {
    expect(lines.slice(0, 5)).toEqual([
      'Tongban simulation: open-restaurant v1 开办餐饮店"一件事"',
      '20 cases, seed 3, 12 rounds; virtual clock 2026-03-02T09:30:00+08:00 → 2026-03-17T09:30:00+08:00 (11 working days)',
      'rates per decision: returnRate 0.1, rejectRate 0.03, supplementRate 0.25, slowRate 0.2',
      'stopped: round limit reached; wall time 5.2 s; 491 requests, 1 conflicts (409), 0 retries, 1 refused',
      "  refused: POST /api/v1/tasks/t1/complete answered 400 invalid-task-input: Form field 'foodInspectors' of task 'food-inspection' is required",
    ]);
  });

  it('lists cases by result and working days with their median and p95', () => {
    expect(text).toContain('Cases by result\n  approved           9\n  rejected           3\n  unfinished         8\n');
    expect(text).toContain(`  ${'approved'.padEnd(40)}      9     7.00   10.00\n`);
  });

  it('aligns the numbers of steps and departments under their headings, names last', () => {
    const stepHeader = lines.find((l) => l.startsWith('Working days per step')) as string;
    const intake = lines.find((l) => l.startsWith('  intake ')) as string;
    expect(intake.indexOf('20') + 2).toBe(stepHeader.indexOf('tasks') + 'tasks'.length);
    expect(intake.endsWith('  综合窗口受理')).toBe(true);
    const reinspection = lines.find((l) => l.startsWith('  food-reinspection')) as string;
    expect(reinspection).toMatch(/ {6}2 {10}2 {7}0 {5}0 {6}2 {5}1\.00 {4}1\.00 {2}整改后现场复查$/);
    const departmentHeader = lines.find((l) => l.startsWith('Statutory limits per department')) as string;
    const market = lines.find((l) => l.startsWith('  sh-xuhui-market-regulation')) as string;
    expect(market.indexOf(' 1  徐汇') + 2).toBe(departmentHeader.length);
    expect(market).toMatch(/ {4}28 {4}23 {9}1 {5}4 {13}1 {2}徐汇区市场监督管理局$/);
  });

  it('sums up escalations, timers and decisions, and names the unfinished cases with where they wait', () => {
    expect(text).toContain('Escalations: 5 notices about 5 breached tasks (sh 5)\n');
    expect(text).toContain('Timers fired: taskAtRisk 11, taskBreach 5\n');
    expect(text).toContain('Decisions: approve 114, rectify 2, reject 3, requestSupplement 1, return 5; slow tasks 16; supplements delivered 1\n');
    expect(text).toContain('Unfinished cases (first 1)\n  263ecde3-92cb-4452-8028-2e83acf729e9  active  food-inspection@sh-xuhui-market-regulation\n');
  });
});
