export * from './bpmn-diagnostic.types.ts';
export * from './import-bpmn.ts';
export type { BpmnImportOptions } from './read-process-extensions.ts';
export { TONGBAN_BPMN_NAMESPACE, tongbanModdlePackage } from './tongban-moddle.ts';
