import type { ModdleElement } from 'moddle';
import type { BpmnBaseElement } from 'bpmn-moddle/types';
import { bpmnModdle } from './bpmn-moddle-instance.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';

/** Prefixes of attributes that belong to XML itself, not to a tool: namespace declarations, `xsi:type`, `xml:lang`. */
const XML_PREFIXES = new Set(['', 'xmlns', 'xsi', 'xml']);

/** The parts of a flow element that can carry attributes of their own. */
const NESTED_PARTS = ['eventDefinitions', 'conditionExpression', 'loopCharacteristics', 'timeDuration', 'timeDate', 'timeCycle'] as const;

/**
 * Reports what another tool wrote on an imported element, which Tongban has no field for: each
 * attribute of a namespace the reader does not know (`camunda:assignee="demo"`), on the element and
 * on its event definitions, condition, loop and timer times (`bpmn-foreign-attribute`); and each
 * kind of extension element of one (`<camunda:formData>`), once per element however often it
 * occurs (`bpmn-foreign-extension`). Attributes of BPMN's and Tongban's own namespaces that the
 * reader does not know are its own warnings (`bpmn-xml-warning`), not reported twice.
 * @internal
 */
export function reportForeignExtensions(element: ModdleElement<BpmnBaseElement>, place: BpmnDiagnosticPlace, report: ImportReport): void {
  for (const part of [element, ...nestedParts(element)]) {
    for (const [attribute, value] of Object.entries(part.$attrs ?? {})) {
      if (isKnownPrefix(attribute)) continue;
      report.add(
        'bpmn-foreign-attribute',
        `${part.$type} '${place.elementId ?? ''}' has ${attribute}="${String(value)}", which Tongban does not read; it is left out`,
        place,
        { attribute, value: String(value) },
      );
    }
  }
  const extensions = new Set(((element.extensionElements?.values ?? []) as ModdleElement[]).map((value) => value.$type));
  for (const extension of extensions) {
    if (isKnownPrefix(extension)) continue;
    report.add(
      'bpmn-foreign-extension',
      `${element.$type} '${place.elementId ?? ''}' has the extension element <${extension}>, which Tongban does not read; it is left out`,
      place,
      { extension },
    );
  }
}

/** Whether the prefix of a qualified name (`camunda:assignee` → `camunda`) is XML's own or a package the reader knows; a name without a prefix is the element's own namespace. */
function isKnownPrefix(qualifiedName: string): boolean {
  const colon = qualifiedName.indexOf(':');
  if (colon < 0) return true;
  const prefix = qualifiedName.slice(0, colon);
  return XML_PREFIXES.has(prefix) || bpmnModdle().getPackage(prefix) !== undefined;
}

function nestedParts(element: ModdleElement<BpmnBaseElement>): ModdleElement<BpmnBaseElement>[] {
  const parts: ModdleElement<BpmnBaseElement>[] = [];
  const holder = element as unknown as Record<string, unknown>;
  for (const name of NESTED_PARTS) {
    const value = holder[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'object' || item === null || !('$type' in item)) continue;
      const nested = item as ModdleElement<BpmnBaseElement>;
      parts.push(nested, ...nestedParts(nested));
    }
  }
  return parts;
}
