/** The metrics of a process, as `GET <baseUrl>/metrics` answers them (Prometheus text format). */
export async function scrape(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/**
 * The value of the one sample of `name` whose labels include `labels` (0 when there is none);
 * throws when several match.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const matches = samples(text, name, labels);
  if (matches.length > 1) throw new Error(`${matches.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return matches[0] ?? 0;
}

/** The values of the samples of `name` whose labels include `labels`, in the order of the text. */
export function samples(text: string, name: string, labels: Record<string, string> = {}): number[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const match = /^[^{\s]+(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a sample line: ${line}`);
      const found = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { found, value: Number(match[2]) };
    })
    .filter(({ found }) => Object.entries(labels).every(([key, value]) => found[key] === value))
    .map(({ value }) => value);
}
