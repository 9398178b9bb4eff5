import type { BpmnParseWarning } from 'bpmn-moddle';
import type { BpmnDiagnosticParams } from './bpmn-diagnostic.types.ts';

/**
 * What a warning of moddle's XML reader is about, read from its fields and its message (moddle-xml
 * words them `unknown attribute <name>`, `unresolved reference <id>`, and `unparsable content <tag>
 * detected` followed by `line: N`, counted from 0): the attribute, the id or the element tag, and
 * the line, counted from 1.
 * @internal
 */
export function readerWarningParams(warning: BpmnParseWarning): Omit<BpmnDiagnosticParams['bpmn-xml-warning'], 'reason'> {
  const message = typeof warning.message === 'string' ? warning.message : '';
  const quoted = /<([^>]*)>/.exec(message)?.[1];
  if (message.startsWith('unknown attribute')) {
    const name = typeof warning.property === 'string' ? warning.property : quoted;
    return { kind: 'unknown-attribute', ...(name === undefined ? {} : { name }) };
  }
  if (message.startsWith('unresolved reference')) {
    const name = typeof warning.value === 'string' ? warning.value : quoted;
    return { kind: 'unresolved-reference', ...(name === undefined ? {} : { name }) };
  }
  if (message.startsWith('unparsable content')) {
    const line = /\bline: (\d+)/.exec(message)?.[1];
    const name = quoted?.replace(/\/$/, '').trim();
    // The reader counts lines from 0; an editor, and a person, from 1.
    return { kind: 'unparsable-content', ...(name ? { name } : {}), ...(line === undefined ? {} : { line: Number(line) + 1 }) };
  }
  return { kind: 'other' };
}
