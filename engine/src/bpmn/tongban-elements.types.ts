import type { ModdleElement } from 'moddle';

/**
 * The moddle shapes of Tongban's extension (see `tongbanModdlePackage`). Every value is text as
 * written in the file; import checks it against the definition schema.
 * @internal
 */
export interface TongbanDuration {
  amount?: string;
  unit?: string;
}

/** @internal */
export interface TongbanProcessAttributes {
  schemaVersion?: string;
  key?: string;
  version?: string;
  calendar?: string;
}

/** @internal */
export interface TongbanTaskAttributes {
  department?: string;
  level?: string;
  candidateRole?: string;
}

/** @internal */
export interface TongbanOutcome {
  id?: string;
  label?: string;
  reasonRequired?: string;
  reasonField?: string;
}

/** @internal */
export interface TongbanOption {
  value?: string;
  label?: string;
}

/** @internal */
export interface TongbanField {
  key?: string;
  type?: string;
  label?: string;
  required?: string;
  options?: ModdleElement<TongbanOption>[];
}

/** @internal */
export interface TongbanOutcomes {
  values?: ModdleElement<TongbanOutcome>[];
}

/** @internal */
export interface TongbanFieldPermission {
  key?: string;
  access?: string;
}

/** @internal */
export interface TongbanFieldPermissions {
  values?: ModdleElement<TongbanFieldPermission>[];
}

/** @internal */
export interface TongbanForm {
  fields?: ModdleElement<TongbanField>[];
}

/** @internal */
export interface TongbanSla {
  promised?: ModdleElement<TongbanDuration>;
  statutory?: ModdleElement<TongbanDuration>;
}

/** @internal */
export interface TongbanDataSchema {
  text?: string;
}

/** @internal */
export interface TongbanBoundaryAttributes {
  limit?: string;
  action?: string;
}

/** @internal */
export interface TongbanExtension {
  approverRole?: string;
  cap?: ModdleElement<TongbanDuration>;
}

/** @internal */
export interface TongbanServiceAttributes {
  handler?: string;
}

/** @internal */
export interface TongbanHttp {
  method?: string;
  url?: string;
}

/** @internal */
export interface TongbanRetry {
  attempts?: string;
  backoff?: string;
  delaySeconds?: string;
}

/** @internal */
export interface TongbanMultiInstance {
  over?: string;
  completion?: string;
  threshold?: string;
  expression?: string;
  items?: ModdleElement<{ value?: string }>[];
}

/** @internal */
export interface TongbanCallAttributes {
  calledVersion?: string;
}

/** @internal */
export interface TongbanInputs {
  values?: ModdleElement<{ key?: string }>[];
}
