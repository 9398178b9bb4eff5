import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bpmnDiagnosticCodes, bpmnDiagnosticSeverities } from '../../src/bpmn/index.ts';

describe('docs/bpmn.md', () => {
  it('should explain every BPMN import code, and only those, in order and with its severity', () => {
    const doc = readFileSync(new URL('../../docs/bpmn.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^### `([a-z-]+)`\n\n\*\*(error|warning|info)\*\*/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(documented).toEqual(bpmnDiagnosticCodes.map((code) => `${code} ${bpmnDiagnosticSeverities[code]}`));
  });
});
