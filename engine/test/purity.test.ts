import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

/** What the engine must never do: read the clock, draw random numbers, or reach Node-only APIs. */
const forbidden: { pattern: RegExp; why: string }[] = [
  { pattern: /Date\.now\(/, why: 'reads the clock' },
  { pattern: /new Date\(\)/, why: 'reads the clock' },
  { pattern: /Math\.random/, why: 'is random' },
  { pattern: /from ['"]node:/, why: 'imports a Node-only module' },
  { pattern: /(?<![.\w])process\.(env|argv|exit|cwd|platform|hrtime|nextTick|stdout|stderr|stdin|memoryUsage)\b/, why: 'reads the Node process' },
  { pattern: /\brequire\(/, why: 'uses CommonJS require' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('engine purity', () => {
  it('should find source files to scan', () => {
    expect(sourceFiles(srcDir).length).toBeGreaterThan(20);
  });

  it('should read no clock, draw no random number and touch no Node-only API in engine/src', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const { pattern, why } of forbidden) {
            if (pattern.test(line)) offences.push(`${relative(srcDir, file)}:${index + 1} ${why}: ${line.trim()}`);
          }
        });
    }
    expect(offences).toEqual([]);
  });
});
