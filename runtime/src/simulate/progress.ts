import cliProgress from 'cli-progress';

/** Where the loop reports how far it has come. */
export interface ProgressSink {
  start(totalCases: number): void;
  /** After each round: cases filed and completed so far, and the virtual clock (local time). */
  update(state: { round: number; filed: number; completed: number; clock: string }): void;
  stop(): void;
}

/**
 * Progress on `stream` (stderr, so stdout carries only the report): a `cli-progress` bar of
 * completed cases on a terminal, one line per round otherwise (a log file, a pipe).
 */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): ProgressSink {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'simulate [{bar}] {value}/{total} cases completed | round {round} | filed {filed} | {clock}',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total) => bar.start(total, 0, { round: 0, filed: 0, clock: '' }),
      update: (s) => bar.update(s.completed, { round: s.round, filed: s.filed, clock: s.clock }),
      stop: () => bar.stop(),
    };
  }
  let total = 0;
  return {
    start: (n) => {
      total = n;
    },
    update: (s) => {
      stream.write(`round ${s.round}: ${s.completed}/${total} cases completed, ${s.filed} filed, clock ${s.clock}\n`);
    },
    stop: () => undefined,
  };
}
