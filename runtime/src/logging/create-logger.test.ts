import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text };
}

describe('createLogger', () => {
  it('writes one JSON object a line with the level, ISO time, role, pid and fields, from the level asked', () => {
    const out = capture();
    const log = createLogger({ role: 'worker', level: 'info', destination: out.stream, pretty: false });
    log.debug('not written');
    log.info({ caseId: 'c-1' }, 'Case filed');
    const lines = out.text().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([{ level: 30, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), role: 'worker', pid: process.pid, caseId: 'c-1', msg: 'Case filed' }]);
  });

  it('writes readable lines, not JSON, when pretty', () => {
    const out = capture();
    const log = createLogger({ role: 'api', level: 'debug', destination: out.stream, pretty: true });
    log.debug({ requestId: 'r-9' }, 'request');
    expect(out.text()).toMatch(/DEBUG.*request/);
    expect(out.text()).toContain('requestId: "r-9"');
    expect(() => JSON.parse(out.text())).toThrow();
  });
});
