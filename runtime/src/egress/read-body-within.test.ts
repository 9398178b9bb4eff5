import { Response } from 'undici';
import { describe, expect, it } from 'vitest';
import { readBodyWithin } from './read-body-within.ts';

/** An answer whose body comes in `chunks`, then goes on without end; records whether it was cancelled. */
function endless(...chunks: string[]): { response: Response; cancelled: () => boolean } {
  let cancelled = false;
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(encoder.encode(chunks[next++] ?? 'x'.repeat(1_000)));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body), cancelled: () => cancelled };
}

describe('readBodyWithin', () => {
  it('reads a body within the bound whole', async () => {
    expect(await readBodyWithin(new Response('{"ref":"R-1"}'), 13)).toEqual({ text: '{"ref":"R-1"}', cut: false });
    expect(await readBodyWithin(new Response(null, { status: 204 }), 10)).toEqual({ text: '', cut: false });
  });

  it('stops at the bound of a body without end, cancels the rest, and leaves out a character cut in two', async () => {
    const { response, cancelled } = endless('ab', 'cd', '面');
    expect(await readBodyWithin(response, 6)).toEqual({ text: 'abcd', cut: true });
    expect(cancelled()).toBe(true);
  });
});
