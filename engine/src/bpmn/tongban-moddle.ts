/** Namespace URI of Tongban's BPMN extension attributes and elements (prefix `tongban`). */
export const TONGBAN_BPMN_NAMESPACE = 'https://tongban.dev/schema/bpmn';

const attribute = (name: string) => ({ name, isAttr: true, type: 'String' });

/**
 * The moddle package of Tongban's BPMN extension: what a BPMN 2.0 document carries beyond the
 * standard so that a workflow definition survives export and import.
 *
 * - On `bpmn:Process`: attributes `schemaVersion`, `key`, `version`, `calendar`; extension elements
 *   `<tongban:promisedSla amount unit/>` and `<tongban:dataSchema>` (JSON Schema as JSON text).
 * - On `bpmn:Task` (so `bpmn:UserTask`): attributes `department`, `level`, `candidateRole`;
 *   extension elements `<tongban:outcomes>` of `<tongban:outcome id label reasonRequired reasonField/>`, `<tongban:form>` of
 *   `<tongban:field key type label required>` with `<tongban:option value label/>`, and
 *   `<tongban:sla>` with `<tongban:promised amount unit/>` and `<tongban:statutory amount unit/>`,
 *   `<tongban:acceptanceDeadline amount unit/>`, `<tongban:extension approverRole>` with
 *   `<tongban:cap amount unit/>`, and `<tongban:multiInstance over completion threshold expression>`
 *   with `<tongban:item value/>` (the task also gets a `bpmn:multiInstanceLoopCharacteristics`), and
 *   `<tongban:fieldPermissions>` of `<tongban:fieldPermission key access/>`.
 * - On `bpmn:CallActivity` (which names the workflow in the standard `calledElement`): attribute
 *   `calledVersion`; extension element `<tongban:inputs>` of `<tongban:input key/>`.
 * - On `bpmn:ServiceTask`: attribute `handler`, or extension element `<tongban:http method url/>`;
 *   extension element `<tongban:retry attempts backoff delaySeconds/>`.
 * - On a timer `bpmn:IntermediateCatchEvent` (a `timerEvent`): extension element
 *   `<tongban:wait amount unit/>`, the wait in the definition's units.
 * - On `bpmn:EndEvent`: attribute `result`. On `bpmn:SequenceFlow`: attribute `outcome`. On the
 *   timer `bpmn:BoundaryEvent` of an SLA edge: attributes `limit` (which limit it watches) and
 *   `action` (what it does when the limit passes).
 *
 * Every value is read as text and checked against the definition schema on import, so a bad value
 * becomes a diagnostic naming it rather than a silent default. Format: moddle package descriptors
 * (github.com/bpmn-io/moddle, `docs/descriptor.md`).
 */
export const tongbanModdlePackage = {
  name: 'Tongban',
  uri: TONGBAN_BPMN_NAMESPACE,
  prefix: 'tongban',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'ProcessProperties',
      extends: ['bpmn:Process'],
      properties: [attribute('schemaVersion'), attribute('key'), attribute('version'), attribute('calendar')],
    },
    { name: 'TaskProperties', extends: ['bpmn:Task'], properties: [attribute('department'), attribute('level'), attribute('candidateRole')] },
    { name: 'ServiceTaskProperties', extends: ['bpmn:ServiceTask'], properties: [attribute('handler')] },
    { name: 'Http', superClass: ['Element'], properties: [attribute('method'), attribute('url')] },
    { name: 'Retry', superClass: ['Element'], properties: [attribute('attempts'), attribute('backoff'), attribute('delaySeconds')] },
    { name: 'Wait', superClass: ['Element', 'Duration'] },
    { name: 'EndEventProperties', extends: ['bpmn:EndEvent'], properties: [attribute('result')] },
    { name: 'SequenceFlowProperties', extends: ['bpmn:SequenceFlow'], properties: [attribute('outcome')] },
    { name: 'BoundaryEventProperties', extends: ['bpmn:BoundaryEvent'], properties: [attribute('limit'), attribute('action')] },
    { name: 'Duration', isAbstract: true, properties: [attribute('amount'), attribute('unit')] },
    { name: 'PromisedSla', superClass: ['Element', 'Duration'] },
    { name: 'DataSchema', superClass: ['Element'], properties: [{ name: 'text', isBody: true, type: 'String' }] },
    { name: 'Outcomes', superClass: ['Element'], properties: [{ name: 'values', type: 'Outcome', isMany: true }] },
    { name: 'Outcome', properties: [attribute('id'), attribute('label'), attribute('reasonRequired'), attribute('reasonField')] },
    { name: 'Form', superClass: ['Element'], properties: [{ name: 'fields', type: 'Field', isMany: true }] },
    {
      name: 'Field',
      properties: [attribute('key'), attribute('type'), attribute('label'), attribute('required'), { name: 'options', type: 'Option', isMany: true }],
    },
    { name: 'Option', properties: [attribute('value'), attribute('label')] },
    { name: 'Sla', superClass: ['Element'], properties: [{ name: 'promised', type: 'Promised' }, { name: 'statutory', type: 'Statutory' }] },
    { name: 'Promised', superClass: ['Duration'] },
    { name: 'Statutory', superClass: ['Duration'] },
    { name: 'AcceptanceDeadline', superClass: ['Element', 'Duration'] },
    { name: 'Extension', superClass: ['Element'], properties: [attribute('approverRole'), { name: 'cap', type: 'Cap' }] },
    { name: 'Cap', superClass: ['Duration'] },
    {
      name: 'MultiInstance',
      superClass: ['Element'],
      properties: [attribute('over'), attribute('completion'), attribute('threshold'), attribute('expression'), { name: 'items', type: 'Item', isMany: true }],
    },
    { name: 'Item', properties: [attribute('value')] },
    { name: 'FieldPermissions', superClass: ['Element'], properties: [{ name: 'values', type: 'FieldPermission', isMany: true }] },
    { name: 'FieldPermission', properties: [attribute('key'), attribute('access')] },
    { name: 'CallActivityProperties', extends: ['bpmn:CallActivity'], properties: [attribute('calledVersion')] },
    { name: 'Inputs', superClass: ['Element'], properties: [{ name: 'values', type: 'Input', isMany: true }] },
    { name: 'Input', properties: [attribute('key')] },
  ],
  enumerations: [],
} as const;
