import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

function sink(isTTY: boolean): Writable & { text: string; isTTY: boolean } {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stream.text += chunk.toString('utf8');
      done();
    },
  }) as Writable & { text: string; isTTY: boolean };
  stream.text = '';
  stream.isTTY = isTTY;
  return stream;
}

describe('createProgress', () => {
  it('writes one line per round to a stream that is not a terminal', () => {
    const stream = sink(false);
    const progress = createProgress(stream);
    progress.start(30);
    progress.update({ round: 1, filed: 6, completed: 0, clock: '2026-03-02T09:30:00+08:00' });
    progress.update({ round: 2, filed: 12, completed: 3, clock: '2026-03-03T09:30:00+08:00' });
    progress.stop();
    expect(stream.text).toBe(
      'round 1: 0/30 cases completed, 6 filed, clock 2026-03-02T09:30:00+08:00\n' +
        'round 2: 3/30 cases completed, 12 filed, clock 2026-03-03T09:30:00+08:00\n',
    );
  });
});
