import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { simulationDefaults } from './simulation-options.ts';

/** Parses a whole number ≥ `min` given on the command line. */
export function parseWhole(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}.`);
    return n;
  };
}

/** Parses a rate 0–1 given on the command line. */
export function parseRate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a rate between 0 and 1.');
  return n;
}

/** Parses a range of working days `MIN-MAX` (or one number `N` for `N-N`). */
export function parseDayRange(value: string): [number, number] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  const min = Number(match?.[1]);
  const max = Number(match?.[2] ?? match?.[1]);
  if (!match || max < min) throw new InvalidArgumentError('expected working days as MIN-MAX, e.g. 3-8.');
  return [min, max];
}

/** Parses a comma-separated list of jurisdiction ids. */
export function parseList(value: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) throw new InvalidArgumentError('expected comma-separated jurisdiction ids, e.g. sh-huangpu,sh-xuhui-tianping.');
  return items;
}

/** Options as commander hands them over. */
interface SimulateFlags {
  workflow?: string;
  all: boolean;
  html?: string;
  cases: number;
  url?: string;
  seed: number;
  json: boolean;
  progress: boolean;
  returnRate?: number;
  rejectRate?: number;
  supplementRate?: number;
  slowRate?: number;
  slowDays: [number, number];
  supplementDays: [number, number];
  capacity: number;
  arrivalDays: number;
  maxRounds: number;
  jurisdictions?: string[];
  apiKey?: string;
  password?: string;
  concurrency: number;
  timeoutMs: number;
}

/**
 * `tongban simulate (--workflow KEY | --all) --cases N [--url URL] [--seed N] [--json] [--html FILE] ...`:
 * drives N cases of the workflow (with `--all`: N cases of every shipped workflow, one workflow
 * after the other on the same virtual clock) through the HTTP API of a running Tongban and prints
 * the report (text, or JSON with `--json`) on stdout; `--html` also writes the report with its
 * charts as one HTML page. Decision rates come from each workflow's simulation profile
 * (`workflows/<key>/simulation.json`); a rate flag replaces the profile's. Progress goes to
 * stderr. An unusable flag exits with code 2.
 */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('file N cases with varied applicant data and drive simulated clerks through them on the virtual clock; print a report')
    .option('--workflow <key>', 'workflow key, e.g. open-restaurant')
    .option('--all', 'simulate every shipped workflow, one after the other', false)
    .requiredOption('--cases <n>', 'number of cases to file (per workflow with --all)', parseWhole(1))
    .option('--html <file>', 'also write the report with its charts (ECharts) as an HTML page')
    .option('--url <url>', 'where Tongban runs (default: http://HOST:PORT of the environment, http://127.0.0.1:3000)')
    .option('--seed <n>', 'seed of every random draw', parseWhole(0), simulationDefaults.seed)
    .option('--json', 'print the report as JSON', false)
    .option('--no-progress', 'no progress bar on stderr')
    .option('--return-rate <r>', 'share of decisions that return the case (退回) or send it round a loop (default: the workflow profile’s)', parseRate)
    .option('--reject-rate <r>', 'share of decisions that reject (不予受理/不予许可) (default: the workflow profile’s)', parseRate)
    .option('--supplement-rate <r>', 'share of decisions that ask for a supplement (补正) (default: the workflow profile’s)', parseRate)
    .option('--slow-rate <r>', 'share of tasks a clerk leaves for some working days (default: the workflow profile’s)', parseRate)
    .addOption(
      new Option('--slow-days <min-max>', 'working days a slow clerk leaves a task')
        .argParser(parseDayRange)
        .default(simulationDefaults.slowDays, simulationDefaults.slowDays.join('-')),
    )
    .addOption(
      new Option('--supplement-days <min-max>', 'working days an applicant takes to supply a supplement')
        .argParser(parseDayRange)
        .default(simulationDefaults.supplementDays, simulationDefaults.supplementDays.join('-')),
    )
    .option('--capacity <n>', 'tasks each department decides per working day', parseWhole(1), simulationDefaults.capacity)
    .option('--arrival-days <n>', 'working days over which the cases are filed', parseWhole(1), simulationDefaults.arrivalDays)
    .option('--max-rounds <n>', 'stop after this many working days at the latest', parseWhole(1), simulationDefaults.maxRounds)
    .option('--jurisdictions <ids>', 'comma-separated jurisdictions to spread cases over (default: every district and sub-district)', parseList)
    .option('--api-key <key>', 'intake API key (default: the first of TONGBAN_INTAKE_API_KEYS, or the demo key)')
    .option('--password <password>', 'password of the demo users (default: the seed’s)')
    .option('--concurrency <n>', 'HTTP requests in flight at once', parseWhole(1), simulationDefaults.concurrency)
    .option('--timeout-ms <n>', 'longest wait for one answer, ms', parseWhole(1), simulationDefaults.timeoutMs)
    .action(async (flags: SimulateFlags, command: Command) => {
      if ((flags.workflow === undefined) === !flags.all) command.error('error: give either --workflow <key> or --all', { exitCode: 2 });
      const { loadConfig } = await import('../infra/config.ts');
      const { runSimulation } = await import('./run-simulation.ts');
      const { createProgress } = await import('./progress.ts');
      const { formatReport } = await import('./format-report.ts');
      const { profileSettings } = await import('./profile-settings.ts');
      const { simulationProfiles, workflowDefinitions } = await import('@tongban/workflows');
      const config = loadConfig();
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      const keys = flags.all ? workflowDefinitions.map((definition) => definition.key) : [flags.workflow as string];
      const overrides = {
        ...(flags.returnRate === undefined ? {} : { returnRate: flags.returnRate }),
        ...(flags.rejectRate === undefined ? {} : { rejectRate: flags.rejectRate }),
        ...(flags.supplementRate === undefined ? {} : { supplementRate: flags.supplementRate }),
        ...(flags.slowRate === undefined ? {} : { slowRate: flags.slowRate }),
      };
      const reports = [];
      for (const key of keys) {
        const report = await runSimulation(
          {
            url: flags.url ?? `http://${host}:${config.port}`,
            workflow: key,
            cases: flags.cases,
            seed: flags.seed,
            ...profileSettings(
              simulationProfiles.find((profile) => profile.workflow === key),
              overrides,
            ),
            slowDays: flags.slowDays,
            supplementDays: flags.supplementDays,
            capacity: flags.capacity,
            arrivalDays: flags.arrivalDays,
            maxRounds: flags.maxRounds,
            apiKey: flags.apiKey ?? (config.intakeApiKeys[0] as string),
            concurrency: flags.concurrency,
            timeoutMs: flags.timeoutMs,
            ...(flags.jurisdictions === undefined ? {} : { jurisdictions: flags.jurisdictions }),
            ...(flags.password === undefined ? {} : { password: flags.password }),
          },
          flags.progress ? { progress: createProgress(process.stderr) } : {},
        );
        reports.push(report);
        if (!flags.json) process.stdout.write(`${formatReport(report)}\n`);
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(flags.all ? reports : reports[0], null, 2)}\n`);
      if (flags.html !== undefined) {
        const { writeHtmlReport } = await import('./write-html-report.ts');
        await writeHtmlReport(flags.html, reports, new Date());
        process.stderr.write(`HTML report written to ${flags.html}\n`);
      }
    });
}
