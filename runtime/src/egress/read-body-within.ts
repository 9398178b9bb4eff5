import type { Response } from 'undici';

/** What {@link readBodyWithin} read of an answer's body. */
export interface BodyRead {
  /** The bytes read, as UTF-8 text (a character cut off at the end is left out). */
  text: string;
  /** True when the body went on past the bytes read: the rest was neither read nor kept. */
  cut: boolean;
}

/**
 * Reads at most `maxBytes` bytes of an answer's body, counted after its content encoding is
 * undone (a gzip answer counts at the size it unpacks to), as a stream: once more would come, it
 * stops and cancels the body, which gives up the connection, so an answer without end costs no
 * more than `maxBytes` of memory.
 */
export async function readBodyWithin(response: Response, maxBytes: number): Promise<BodyRead> {
  if (response.body === null) return { text: '', cut: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: new TextDecoder().decode(Buffer.concat(chunks, length)), cut: false };
    if (length + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - length));
      await reader.cancel();
      return { text: new TextDecoder().decode(Buffer.concat(chunks, maxBytes), { stream: true }), cut: true };
    }
    chunks.push(value);
    length += value.byteLength;
  }
}
