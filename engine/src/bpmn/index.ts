export * from './bpmn-diagnostic.types.ts';
export * from './import-bpmn.ts';
export type { BpmnImportOptions } from './read-process-extensions.ts';
export { TONGBAN_BPMN_NAMESPACE, tongbanModdlePackage } from './tongban-moddle.ts';
export * from './bpmn-export.error.ts';
export * from './bpmn-shape-sizes.ts';
export { exportBpmn, FEEL_LANGUAGE_URI } from './export-bpmn.ts';
export { BPMN_NO_COUNTERPART_REASONS } from './map-flow-elements.ts';
