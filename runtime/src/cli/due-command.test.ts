import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('tongban due', () => {
  it('counts five working days from the Friday before the 2026 Spring Festival across the holiday, the make-up Saturday included', async () => {
    const result = await runCli(['due', '--from', '2026-02-13', '--working-days', '5']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      from: '2026-02-13T00:00:00+08:00',
      dueDate: '2026-02-27',
      dueAt: '2026-02-27T17:00:00+08:00',
      provisional: false,
    });
  });

  it('counts working hours over the holiday from the afternoon of the make-up Saturday', async () => {
    const result = await runCli(['due', '--from', '2026-02-14T15:00', '--working-hours', '3', '--calendar', 'cn-mainland']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      from: '2026-02-14T15:00:00+08:00',
      dueDate: '2026-02-24',
      dueAt: '2026-02-24T10:00:00+08:00',
      provisional: false,
    });
  });

  it('exits with code 2 and one line naming the flag when an argument cannot be used', async () => {
    const cases: [string[], string][] = [
      [['due', '--from', '2026-02-13', '--working-days', 'five'], '--working-days'],
      [['due', '--from', '2026-02-30', '--working-days', '1'], '--from'],
      [['due', '--working-days', '1'], '--from'],
      [['due', '--from', '2026-02-13', '--working-days', '1', '--calendar', 'atlantis'], '--calendar'],
      [['due', '--from', '2026-02-13', '--working-days', '1', '--working-hours', '2'], '--working-days'],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    results.forEach((result, index) => {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(cases[index]![1]);
    });
  });
});
