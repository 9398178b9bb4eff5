import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The BPMN 2.0 XML schema (OMG, formal/2011-01-03) as bpmn-moddle ships it. */
const bpmnXsd = createRequire(import.meta.url).resolve('bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd');

/** Whether `xmllint` (libxml2) is on the PATH to check documents against the XSD. */
export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Checks `xml` against the BPMN 2.0 XSD with xmllint; returns '' when it is valid, else xmllint's complaints. */
export function validateWithBpmnXsd(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bpmn-xsd-'));
  const file = path.join(dir, 'model.bpmn');
  try {
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', bpmnXsd, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
