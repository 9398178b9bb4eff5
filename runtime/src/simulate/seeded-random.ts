/**
 * A seeded source of randomness for the simulation: the same seed gives the same draws. Streams
 * are forked by label, so a draw depends only on the seed and what it is for (a case, a task
 * decision), never on the order in which concurrent HTTP answers arrive.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean;
  /**
   * One item of `items`.
   * @throws RangeError for an empty list.
   */
  pick<T>(items: readonly T[]): T;
  /** A new independent stream, determined by this stream's seed and `label` alone. */
  fork(label: string): SeededRandom;
}

/**
 * The stream of `seed`: sfc32 seeded through cyrb128 (both public-domain PRNG constructions, see
 * https://github.com/bryc/code/blob/master/jshash/PRNGs.md). Not cryptographic.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * const random = createSeededRandom(42);
 * const caseRandom = random.fork('case:7'); // the same for seed 42, whatever was drawn before
 * caseRandom.int(20, 150);
 * ```
 */
export function createSeededRandom(seed: number | string): SeededRandom {
  const seedText = String(seed);
  const next = sfc32(...cyrb128(seedText));
  const random: SeededRandom = {
    next,
    int(min, max) {
      const low = Math.ceil(min);
      const high = Math.floor(max);
      if (high < low) throw new RangeError(`No whole number lies in [${min}, ${max}]`);
      return low + Math.floor(next() * (high - low + 1));
    },
    between(min, max) {
      return min + next() * (max - min);
    },
    chance(p) {
      return p > 0 && next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    fork(label) {
      return createSeededRandom(`${seedText}\u0000${label}`);
    },
  };
  return random;
}

/** Four 32-bit hashes of `text` (cyrb128). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** The sfc32 generator over four 32-bit words, warmed up by 15 draws. */
function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0;
  let b = b0;
  let c = c0;
  let d = d0;
  const draw = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i += 1) draw();
  return draw;
}
