/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';
import { tongbanModdlePackage } from './tongban-moddle.ts';

let shared: BpmnModdle | undefined;

/**
 * The moddle that reads and writes BPMN 2.0 with DI and Tongban's extension (`tongban:` prefix).
 * One instance serves every call: it holds only the meta-model and the type cache it warms (a
 * fresh one costs about 100 ms more per document); each read and write has its own reader or writer.
 * @internal
 */
export function bpmnModdle(): BpmnModdle {
  shared ??= new BpmnModdle({ tongban: tongbanModdlePackage });
  return shared;
}
