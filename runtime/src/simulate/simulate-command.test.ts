import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseDayRange, parseList, parseRate, parseWhole, registerSimulateCommand } from './simulate-command.ts';

/** The options `simulate` parses from `args`, without running it. */
function parsed(args: string[]): Record<string, unknown> {
  const program = new Command('tongban').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerSimulateCommand(program);
  const simulate = program.commands.find((c) => c.name() === 'simulate') as Command;
  simulate.exitOverride().action(() => undefined);
  program.parse(['node', 'tongban', 'simulate', ...args]);
  return simulate.opts();
}

describe('tongban simulate options', () => {
  it('leaves the rates to the workflow profile when none is given', () => {
    const options = parsed(['--workflow', 'open-restaurant', '--cases', '200']);
    expect(options).toMatchObject({ workflow: 'open-restaurant', cases: 200, seed: 1, json: false, all: false, progress: true, slowDays: [3, 8], capacity: 40 });
    expect(options.returnRate).toBeUndefined();
    expect(options.slowRate).toBeUndefined();
  });

  it('reads --all and the HTML report file', () => {
    expect(parsed(['--all', '--cases', '300', '--html', 'report.html'])).toMatchObject({ all: true, cases: 300, html: 'report.html' });
  });

  it('reads rates, ranges, lists and switches', () => {
    expect(
      parsed([
        '--workflow', 'newborn', '--cases', '5', '--url', 'http://127.0.0.1:4000', '--seed', '9', '--json', '--no-progress',
        '--reject-rate', '0.1', '--slow-days', '2-4', '--supplement-days', '3', '--jurisdictions', 'sh-huangpu, sh-xuhui-tianping',
      ]),
    ).toMatchObject({
      url: 'http://127.0.0.1:4000',
      seed: 9,
      json: true,
      progress: false,
      rejectRate: 0.1,
      slowDays: [2, 4],
      supplementDays: [3, 3],
      jurisdictions: ['sh-huangpu', 'sh-xuhui-tianping'],
    });
  });

  it('refuses a command line without the number of cases', () => {
    expect(() => parsed(['--workflow', 'open-restaurant'])).toThrow(CommanderError);
  });

  it('refuses unusable values, naming what it expected', () => {
    expect(() => parseWhole(1)('0')).toThrow('expected a whole number ≥ 1.');
    expect(() => parseWhole(1)('2.5')).toThrow();
    expect(() => parseRate('1.5')).toThrow('expected a rate between 0 and 1.');
    expect(() => parseRate('')).toThrow();
    expect(parseRate('0')).toBe(0);
    expect(() => parseDayRange('8-3')).toThrow('MIN-MAX');
    expect(() => parseDayRange('three')).toThrow();
    expect(() => parseList(' , ')).toThrow();
  });
});
