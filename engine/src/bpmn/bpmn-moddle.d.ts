/**
 * Types of the `bpmn-moddle` entry point, which ships its model types (`bpmn-moddle/types`) but
 * none for the `BpmnModdle` class. Declares what Tongban's BPMN import and export call.
 */
declare module 'bpmn-moddle' {
  import type { Moddle, ModdleElement } from 'moddle';
  import type { BpmnDefinitions } from 'bpmn-moddle/types';

  /** A warning of the XML reader: an unknown element or attribute, an unresolved reference, an encoding fallback. */
  export interface BpmnParseWarning extends Error {
    element?: ModdleElement;
    property?: string;
    /** The attribute's value (an unknown attribute) or the id (an unresolved reference). */
    value?: unknown;
  }

  /** What `fromXML` resolves to. */
  export interface BpmnParseResult {
    rootElement: ModdleElement<BpmnDefinitions>;
    warnings: BpmnParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  /** A moddle instance that knows BPMN 2.0 (with DI) and the packages passed to it. */
  export class BpmnModdle extends Moddle {
    constructor(additionalPackages?: Record<string, object>, options?: { strict?: boolean });
    /** Reads a BPMN 2.0 document; rejects when the XML cannot be read as `bpmn:Definitions`. */
    fromXML(xml: string, options?: { lax?: boolean }): Promise<BpmnParseResult>;
    /** Writes an element tree, typically a `bpmn:Definitions`, as XML. */
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
  }
}
