import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpmnShapeSizes, importBpmn } from '../../src/bpmn/index.ts';
import type { BpmnDiagnostic, BpmnImportResult } from '../../src/bpmn/index.ts';
import { CURRENT_SCHEMA_VERSION, definitionSchema } from '../../src/definition/index.ts';
import { validate } from '../../src/validate/index.ts';
import type { WorkflowDefinitionInput } from '../../src/definition/index.ts';
import { bpmnFiles, hasSharedMiwg, miwgFixtureDir, modelFacts, readMiwg, sharedMiwgDir } from './miwg-models.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const codes = (diagnostics: BpmnDiagnostic[]): string[] => diagnostics.map((diagnostic) => diagnostic.code);

/** A one-process document around `body`, with the namespaces Camunda Modeler declares. */
function bpmnDocument(body: string, processAttributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tongban="https://tongban.dev/schema/bpmn" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true" tongban:key="probe" tongban:calendar="cn-mainland" ${processAttributes}>
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

function definitionOf(result: BpmnImportResult): WorkflowDefinitionInput {
  if (result.definition === undefined) throw new Error(`No definition: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.definition;
}

describe('importBpmn on a Camunda Modeler drawing with Tongban attributes', () => {
  it('should map every node, edge, position and Tongban field of the drawing', async () => {
    const result = await importBpmn(fixture('sign-permit.bpmn'));
    const expected = JSON.parse(fixture('sign-permit.definition.json')) as WorkflowDefinitionInput;
    expect(result.definition).toEqual(expected);
  });

  it('should report only the unnamed gateways, each named after its id', async () => {
    const { diagnostics } = await importBpmn(fixture('sign-permit.bpmn'));
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.nodeId ?? ''} ${d.field ?? ''}`)).toEqual([
      'bpmn-missing-name info fork nodes[5].name',
      'bpmn-missing-name info join nodes[8].name',
    ]);
  });

  it('should let the caller choose key, name and calendar over what the file says', async () => {
    const definition = definitionOf(await importBpmn(fixture('sign-permit.bpmn'), { key: 'sign-permit-2', name: '招牌', calendar: 'cn-shanghai' }));
    expect([definition.key, definition.name, definition.calendar]).toEqual(['sign-permit-2', '招牌', 'cn-shanghai']);
  });

  it('should refuse a caller key that is not kebab-case, and import nothing', async () => {
    const result = await importBpmn(fixture('sign-permit.bpmn'), { key: 'Sign Permit' });
    expect(result.definition).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(codes(errors)).toEqual(['bpmn-invalid-option']);
    expect(errors[0]?.message).toContain('key');
  });
});

describe('importBpmn on documents it cannot read', () => {
  it('should report XML that does not parse, without a definition', async () => {
    const result = await importBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><unclosed');
    expect(result.definition).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['bpmn-unreadable-xml error']);
  });

  it('should report XML that is not a BPMN document', async () => {
    const result = await importBpmn('<?xml version="1.0"?><html><body/></html>');
    expect(result.definition).toBeUndefined();
    expect(codes(result.diagnostics)).toEqual(['bpmn-unreadable-xml']);
  });

  it('should report a document without a process', async () => {
    const xml = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"/>';
    const result = await importBpmn(xml);
    expect(result.definition).toBeUndefined();
    expect(codes(result.diagnostics)).toEqual(['bpmn-no-process']);
  });

  it('should report a requested process the document does not hold, naming those it holds', async () => {
    const result = await importBpmn(bpmnDocument('<bpmn:startEvent id="s"/>'), { processId: 'missing' });
    expect(result.definition).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe('bpmn-process-not-found');
    expect(result.diagnostics[0]?.message).toContain("'p'");
    expect(result.diagnostics[0]?.params).toEqual({ processId: 'missing', processIds: ['p'] });
  });

  it("should give the reader's own words as the reason of unreadable XML", async () => {
    const [finding] = (await importBpmn('{"nodes": []}')).diagnostics;
    expect(finding?.code).toBe('bpmn-unreadable-xml');
    expect(finding?.params).toEqual({ reason: expect.stringMatching(/\S/) });
    expect(finding?.message).toContain((finding?.params as { reason: string }).reason);
  });
});

describe('importBpmn on what other tools write', () => {
  it('should name each attribute and extension element of another tool on what it imports, and nothing of the document itself', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:tongban="https://tongban.dev/schema/bpmn" id="d" targetNamespace="x" modeler:executionPlatform="Camunda Platform">
  <bpmn:process id="p" isExecutable="true" tongban:key="probe" tongban:calendar="cn-mainland" camunda:historyTimeToLive="180">
    <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk" camunda:assignee="demo">
      <bpmn:extensionElements><camunda:formData/><camunda:formData/><camunda:taskListener event="create"/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="g" name="G" default="f3"/>
    <bpmn:endEvent id="e" name="E" tongban:result="approved"/>
    <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="g"/>
    <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="rule.feel">amount &gt; 10</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    const { diagnostics } = await importBpmn(xml);
    const foreign = diagnostics.filter((d) => d.code === 'bpmn-foreign-attribute' || d.code === 'bpmn-foreign-extension');
    expect(foreign.map((d) => `${d.code} ${d.severity} ${d.elementId ?? ''} ${d.nodeId ?? d.edgeId ?? ''} ${JSON.stringify(d.params)}`)).toEqual([
      'bpmn-foreign-attribute warning p  {"attribute":"camunda:historyTimeToLive","value":"180"}',
      'bpmn-foreign-attribute warning t t {"attribute":"camunda:assignee","value":"demo"}',
      'bpmn-foreign-extension warning t t {"extension":"camunda:formData"}',
      'bpmn-foreign-extension warning t t {"extension":"camunda:taskListener"}',
      'bpmn-foreign-attribute warning f2 f2 {"attribute":"camunda:resource","value":"rule.feel"}',
    ]);
    expect(foreign.every((d) => d.message.includes(Object.values(d.params)[0] as string))).toBe(true);
  });

  it('should leave an unknown attribute of its own namespaces to the reader, naming the attribute, the reference and the element it could not place', async () => {
    const { diagnostics } = await importBpmn(
      bpmnDocument(
        `<bpmn:startEvent id="s" name="S" tongban:colour="red"/>
      <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="nowhere"/>
      <bpmn:bogusThing id="x"/>`,
      ),
    );
    expect(diagnostics.filter((d) => d.code.startsWith('bpmn-foreign'))).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'bpmn-xml-warning').map((d) => ({ elementId: d.elementId, ...d.params, reason: undefined }))).toEqual([
      { elementId: 's', kind: 'unknown-attribute', name: 'tongban:colour', reason: undefined },
      { elementId: undefined, kind: 'unparsable-content', name: 'bpmn:bogusThing', line: 6, reason: undefined },
      { elementId: 'f', kind: 'unresolved-reference', name: 'nowhere', reason: undefined },
    ]);
  });
});

describe('importBpmn on limits longer than the calendar counts', () => {
  it('should keep a wait or limit beyond ten years of its unit, report it with the longest one counted, and leave it for validation to refuse', async () => {
    const xml = bpmnDocument(`
      <bpmn:startEvent id="s" name="S"/>
      <bpmn:intermediateCatchEvent id="wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P99999D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk">
        <bpmn:extensionElements><tongban:sla><tongban:promised amount="5" unit="workingDay"/><tongban:statutory amount="3000" unit="workingDay"/></tongban:sla></bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="e" name="E" tongban:result="approved"/>
      <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
      <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="t"/>
      <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e" tongban:outcome="approve"/>`);
    const result = await importBpmn(xml);
    const definition = definitionOf(result);
    expect(definition.nodes[1]).toMatchObject({ duration: { amount: 99999, unit: 'calendarDay' } });
    expect(definition.nodes[2]).toMatchObject({ sla: { promised: { amount: 5, unit: 'workingDay' }, statutory: { amount: 3000, unit: 'workingDay' } } });
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-duration-too-long').map((d) => ({ elementId: d.elementId, ...d.params }))).toEqual([
      { elementId: 'wait', what: 'wait', amount: 99999, unit: 'calendarDay', max: 3650 },
      { elementId: 't', what: 'statutory', amount: 3000, unit: 'workingDay', max: 2500 },
    ]);
    const refused = validate(definitionSchema.parse(definition)).filter((d) => d.code === 'duration-not-countable');
    expect(refused.map((d) => d.nodeId)).toEqual(['wait', 't']);
  });

  it('should report a boundary timer beyond the calendar as the limit it becomes', async () => {
    const xml = bpmnDocument(`
      <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk"/>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT99999H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="e" name="E" tongban:result="rejected"/>
      <bpmn:sequenceFlow id="late" sourceRef="b" targetRef="e"/>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).nodes[0]).toMatchObject({ sla: { statutory: { amount: 99999, unit: 'hour' } } });
    const [finding] = result.diagnostics.filter((d) => d.code === 'bpmn-duration-too-long');
    expect(finding).toMatchObject({ elementId: 'b', nodeId: 't', params: { what: 'statutory', amount: 99999, unit: 'hour', max: 87600 } });
  });
});

describe('importBpmn defaults and findings', () => {
  it('should default what a plain drawing lacks and report each default', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" name="Plain" targetNamespace="x">
  <bpmn:process id="Process_1">
    <bpmn:startEvent id="s"/>
    <bpmn:task id="t" name="Check"/>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    const result = await importBpmn(xml);
    const definition = definitionOf(result);
    expect([definition.schemaVersion, definition.key, definition.name, definition.calendar, definition.version]).toEqual([
      CURRENT_SCHEMA_VERSION,
      'process-1',
      'Plain',
      'cn-mainland',
      1,
    ]);
    expect(definition.nodes).toEqual([
      { id: 's', type: 'startEvent', name: 's' },
      { id: 't', type: 'userTask', name: 'Check', department: '', level: 'district', candidateRole: 'clerk', outcomes: [], form: [] },
      { id: 'e', type: 'endEvent', name: 'e', result: 'completed' },
    ]);
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.elementId ?? ''}`)).toEqual([
      'bpmn-missing-key info Process_1',
      'bpmn-missing-calendar warning Process_1',
      'bpmn-missing-name info s',
      'bpmn-missing-layout info s',
      'bpmn-missing-layout info t',
      'bpmn-task-as-user-task warning t',
      'bpmn-missing-department warning t',
      'bpmn-missing-candidate-role warning t',
      'bpmn-missing-name info e',
      'bpmn-missing-layout info e',
      'bpmn-missing-result info e',
    ]);
  });

  it('should leave out Tongban values that do not fit the definition schema and say which', async () => {
    const xml = bpmnDocument(
      `<bpmn:userTask id="t" name="Review" tongban:department="health" tongban:candidateRole="clerk" tongban:level="province">
        <bpmn:extensionElements>
          <tongban:outcomes><tongban:outcome id="ok" label="OK"/><tongban:outcome id="2bad" label="Bad"/></tongban:outcomes>
          <tongban:form><tongban:field key="n" type="money" label="N"/><tongban:field key="m" type="number" label="M" required="yes"/></tongban:form>
          <tongban:sla><tongban:promised amount="two" unit="workingDay"/><tongban:statutory amount="3" unit="week"/></tongban:sla>
          <tongban:extension approverRole=""><tongban:cap amount="-1" unit="workingDay"/></tongban:extension>
          <tongban:dataSchema>not json</tongban:dataSchema>
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:boundaryEvent id="b" attachedToRef="t" tongban:limit="soon" tongban:action="shout"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f" sourceRef="t" targetRef="t" tongban:outcome="a b"/>
      <bpmn:sequenceFlow id="g" sourceRef="b" targetRef="t"/>`,
      'tongban:version="0"',
    );
    const result = await importBpmn(xml);
    const definition = definitionOf(result);
    expect(definition.version).toBe(1);
    expect(definition.nodes[0]).toMatchObject({ level: 'district', outcomes: [{ id: 'ok', label: 'OK' }], form: [] });
    expect(definition.nodes[0]).not.toHaveProperty('sla');
    expect(definition.edges[0]).not.toHaveProperty('outcome');
    expect(definition.edges[1]).toEqual({ id: 'g', source: 't', target: 't', kind: 'slaBreach' });
    const invalid = result.diagnostics.filter((d) => d.code === 'bpmn-invalid-extension').map((d) => d.message);
    expect(definition.nodes[0]).not.toHaveProperty('extension');
    expect(invalid).toHaveLength(12);
    for (const quoted of ["'0'", "'province'", "'2bad'", "'n'", "'m'", "'two'", "unit 'week'", "'-1'", 'tongban:extension', "'soon'", "'shout'", "'a b'"]) {
      expect(invalid.some((message) => message.includes(quoted))).toBe(true);
    }
  });

  it('should report the data schema of a process when it is not a JSON object', async () => {
    const xml = bpmnDocument('<bpmn:extensionElements><tongban:dataSchema>[1, 2]</tongban:dataSchema></bpmn:extensionElements><bpmn:startEvent id="s" name="S"/>');
    const result = await importBpmn(xml);
    expect(definitionOf(result)).not.toHaveProperty('dataSchema');
    expect(codes(result.diagnostics)).toContain('bpmn-invalid-extension');
  });

  it('should rewrite ids that are not definition ids, keeping them unique, and report each', async () => {
    const xml = bpmnDocument(`
      <bpmn:startEvent id="_1" name="S"/>
      <bpmn:endEvent id="id_1" name="E" tongban:result="approved"/>
      <bpmn:endEvent id="end.2" name="E2" tongban:result="approved"/>
      <bpmn:sequenceFlow id="_f" sourceRef="_1" targetRef="id_1"/>`);
    const result = await importBpmn(xml);
    const definition = definitionOf(result);
    expect(definition.nodes.map((node) => node.id)).toEqual(['id_1-2', 'id_1', 'end_2']);
    expect(definition.edges).toEqual([{ id: 'id_f', source: 'id_1-2', target: 'id_1' }]);
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-id-renamed').map((d) => `${d.elementId} ${d.nodeId ?? d.edgeId ?? ''}`)).toEqual([
      '_1 id_1-2',
      'end.2 end_2',
      '_f id_f',
    ]);
  });

  it('should drop the Camunda 8 "=" before a FEEL condition and keep other languages with a warning', async () => {
    const xml = bpmnDocument(`
      <bpmn:exclusiveGateway id="g" name="G" default="f3"/>
      <bpmn:endEvent id="e" name="E" tongban:result="approved"/>
      <bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= amount &gt; 10</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="https://www.omg.org/spec/DMN/20191111/FEEL/">amount &lt; 5</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).edges).toEqual([
      { id: 'f1', source: 'g', target: 'e', condition: 'amount > 10' },
      { id: 'f2', source: 'g', target: 'e', condition: 'amount < 5' },
      { id: 'f3', source: 'g', target: 'e', condition: '${approved}', default: true },
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-condition-language').map((d) => d.edgeId)).toEqual(['f3']);
  });

  it('should turn a timer boundary event into an SLA edge, with its settings, and its duration into the limit it watches', async () => {
    const xml = bpmnDocument(`
      <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk">
        <bpmn:extensionElements><tongban:sla><tongban:promised amount="1" unit="workingDay"/></tongban:sla></bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>P2W</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="remind" attachedToRef="t" cancelActivity="false" tongban:limit="promised" tongban:action="notify"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="e" name="E" tongban:result="rejected"/>
      <bpmn:sequenceFlow id="late" sourceRef="b" targetRef="e"/>
      <bpmn:sequenceFlow id="nudge" sourceRef="remind" targetRef="t"/>`);
    const result = await importBpmn(xml);
    const definition = definitionOf(result);
    expect(definition.nodes[0]).toMatchObject({ sla: { promised: { amount: 1, unit: 'workingDay' }, statutory: { amount: 14, unit: 'calendarDay' } } });
    expect(definition.edges).toEqual([
      { id: 'late', source: 't', target: 'e', kind: 'slaBreach' },
      { id: 'nudge', source: 't', target: 't', kind: 'slaBreach', interrupting: false, limit: 'promised', action: 'notify' },
    ]);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('should report a timer whose duration is not whole weeks, days or hours', async () => {
    const xml = bpmnDocument(`
      <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk"/>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>P1DT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="e" name="E" tongban:result="rejected"/>
      <bpmn:sequenceFlow id="late" sourceRef="b" targetRef="e"/>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).nodes[0]).not.toHaveProperty('sla');
    const detail = result.diagnostics.find((d) => d.code === 'bpmn-ignored-detail');
    expect(detail?.message).toContain("'P1DT2H'");
    expect(detail?.nodeId).toBe('t');
    expect(detail?.params).toEqual({ detail: 'timer-time', timer: { kind: 'duration', text: 'P1DT2H' }, taskId: 't', limit: 'statutory' });
  });

  it('should report the event definitions and task loops it drops, keeping the elements', async () => {
    const xml = bpmnDocument(`
      <bpmn:startEvent id="s" name="S"><bpmn:messageEventDefinition/></bpmn:startEvent>
      <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk"><bpmn:multiInstanceLoopCharacteristics/></bpmn:userTask>
      <bpmn:endEvent id="e" name="E" tongban:result="approved"><bpmn:terminateEventDefinition/></bpmn:endEvent>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).nodes.map((node) => `${node.id} ${node.type}`)).toEqual(['s startEvent', 't userTask', 'e endEvent']);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => `${d.code} ${d.nodeId ?? ''}`)).toEqual(['bpmn-ignored-detail s', 'bpmn-ignored-detail t', 'bpmn-ignored-detail e']);
    expect(warnings[1]?.message).toContain('bpmn:MultiInstanceLoopCharacteristics');
  });

  it('should import service tasks, giving one that names no implementation the handler named by its id', async () => {
    const xml = bpmnDocument(`
      <bpmn:serviceTask id="lookup" name="Lookup" tongban:handler="verify-business-licence">
        <bpmn:extensionElements><tongban:retry attempts="2" backoff="fixed" delaySeconds="10"/></bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:serviceTask id="push" name="Push">
        <bpmn:extensionElements><tongban:http method="post" url="https://registry.example.gov.cn/push"/><tongban:retry attempts="many" backoff="fixed" delaySeconds="10"/></bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:serviceTask id="plain" name="Plain"/>
      <bpmn:serviceTask id="bad" name="Bad"><bpmn:extensionElements><tongban:http method="FETCH" url="ftp://x"/></bpmn:extensionElements></bpmn:serviceTask>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).nodes).toEqual([
      { id: 'lookup', type: 'serviceTask', name: 'Lookup', implementation: { handler: 'verify-business-licence' }, retry: { attempts: 2, backoff: { type: 'fixed', delaySeconds: 10 } } },
      { id: 'push', type: 'serviceTask', name: 'Push', implementation: { http: { method: 'POST', url: 'https://registry.example.gov.cn/push' } } },
      { id: 'plain', type: 'serviceTask', name: 'Plain', implementation: { handler: 'plain' } },
      { id: 'bad', type: 'serviceTask', name: 'Bad', implementation: { handler: 'bad' } },
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.nodeId ?? ''}`)).toEqual([
      'bpmn-invalid-extension push',
      'bpmn-missing-implementation plain',
      'bpmn-invalid-extension bad',
      'bpmn-missing-implementation bad',
    ]);
  });

  it('should import a timer catch event with a readable wait as a timer event, and report the others', async () => {
    const xml = bpmnDocument(`
      <bpmn:intermediateCatchEvent id="notice" name="Notice"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="cool" name="Cool">
        <bpmn:extensionElements><tongban:wait amount="2" unit="workingDay"/></bpmn:extensionElements>
        <bpmn:timerEventDefinition/>
      </bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="on-date" name="On date"><bpmn:timerEventDefinition><bpmn:timeDate>2026-10-08T09:00:00+08:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="message" name="Message"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).nodes).toEqual([
      { id: 'notice', type: 'timerEvent', name: 'Notice', duration: { amount: 3, unit: 'calendarDay' } },
      { id: 'cool', type: 'timerEvent', name: 'Cool', duration: { amount: 2, unit: 'workingDay' } },
    ]);
    const unsupported = result.diagnostics.filter((d) => d.code === 'bpmn-unsupported-element');
    expect(unsupported.map((d) => d.elementId)).toEqual(['on-date', 'message']);
    expect(unsupported[0]?.message).toContain('a date');
  });

  it('should import call activities, taking a calledElement that is not a workflow key as one', async () => {
    const xml = bpmnDocument(`
      <bpmn:callActivity id="licence" name="Licence" calledElement="food-business-licence" tongban:calledVersion="3">
        <bpmn:extensionElements><tongban:inputs><tongban:input key="area"/><tongban:input key=""/></tongban:inputs></bpmn:extensionElements>
      </bpmn:callActivity>
      <bpmn:callActivity id="camunda" name="Camunda" calledElement="Invoice_Process" tongban:calledVersion="latest"/>
      <bpmn:callActivity id="Blank_Call" name="Blank"/>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).nodes).toEqual([
      { id: 'licence', type: 'callActivity', name: 'Licence', calledElement: 'food-business-licence', version: 3, inputs: ['area'] },
      { id: 'camunda', type: 'callActivity', name: 'Camunda', calledElement: 'invoice-process' },
      { id: 'Blank_Call', type: 'callActivity', name: 'Blank', calledElement: 'blank-call' },
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.nodeId ?? ''}`)).toEqual([
      'bpmn-invalid-extension licence',
      'bpmn-called-element-rewritten camunda',
      'bpmn-invalid-extension camunda',
      'bpmn-called-element-rewritten Blank_Call',
    ]);
  });

  it('should import a countersignature from its tongban:multiInstance, and say what a loop loses', async () => {
    const task = (id: string, inner: string) =>
      `<bpmn:userTask id="${id}" name="${id}" tongban:department="health" tongban:candidateRole="clerk">${inner}</bpmn:userTask>`;
    const xml = bpmnDocument(
      [
        task('listed', '<bpmn:extensionElements><tongban:multiInstance over="departments" completion="threshold" threshold="2"><tongban:item value="health"/><tongban:item value="fire-rescue"/></tongban:multiInstance></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics/>'),
        task('computed', '<bpmn:extensionElements><tongban:multiInstance over="assignees" completion="all" expression="reviewers"/></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics isSequential="true"/>'),
        task('broken', '<bpmn:extensionElements><tongban:multiInstance over="everyone" completion="most"/></bpmn:extensionElements>'),
        task('looped', '<bpmn:standardLoopCharacteristics/>'),
      ].join('\n'),
    );
    const result = await importBpmn(xml);
    const nodes = definitionOf(result).nodes as { id: string; multiInstance?: unknown }[];
    expect(nodes.map((node) => [node.id, node.multiInstance])).toEqual([
      ['listed', { over: 'departments', items: ['health', 'fire-rescue'], completion: { threshold: 2 } }],
      ['computed', { over: 'assignees', items: 'reviewers', completion: 'all' }],
      ['broken', undefined],
      ['looped', undefined],
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.nodeId ?? ''}`)).toEqual([
      'bpmn-ignored-detail computed',
      'bpmn-invalid-extension broken',
      'bpmn-ignored-detail looped',
    ]);
  });

  it('should report a boundary event that is not a timer, and the flow that leaves it', async () => {
    const xml = bpmnDocument(`
      <bpmn:userTask id="t" name="T" tongban:department="health" tongban:candidateRole="clerk"/>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:messageEventDefinition/></bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="idle" attachedToRef="t"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
      <bpmn:endEvent id="e" name="E" tongban:result="rejected"/>
      <bpmn:sequenceFlow id="f" sourceRef="b" targetRef="e"/>`);
    const result = await importBpmn(xml);
    expect(definitionOf(result).edges).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.elementId ?? ''} ${JSON.stringify(d.params)}`)).toEqual([
      'bpmn-unsupported-element b {"reason":"boundary-not-timer"}',
      'bpmn-dropped-flow f {"end":"source","endId":"b"}',
      'bpmn-unsupported-element idle {"reason":"boundary-without-flow"}',
    ]);
  });

  it('should say in its params why each element is not imported, with the name and what the timer says', async () => {
    const xml = bpmnDocument(`
      <bpmn:subProcess id="sub" name="Sub&#10;process"><bpmn:task id="inner"/><bpmn:task id="inner-2"/></bpmn:subProcess>
      <bpmn:scriptTask id="script"/>
      <bpmn:intermediateCatchEvent id="cycle" name="Cycle"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="mixed"><bpmn:timerEventDefinition><bpmn:timeDuration>P1DT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:boundaryEvent id="on-script" attachedToRef="script"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`);
    const result = await importBpmn(xml);
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-unsupported-element').map((d) => [d.elementId, d.params])).toEqual([
      ['sub', { reason: 'no-counterpart', name: 'Sub process', innerElementCount: 2 }],
      ['script', { reason: 'no-counterpart' }],
      ['cycle', { reason: 'timer-not-elapsed-time', timer: { kind: 'cycle' }, name: 'Cycle' }],
      ['mixed', { reason: 'timer-not-elapsed-time', timer: { kind: 'duration', text: 'P1DT2H' } }],
      ['on-script', { reason: 'boundary-not-on-task', attachedTo: 'script' }],
    ]);
  });
});

describe('importBpmn on the BPMN MIWG reference models', () => {
  const files = bpmnFiles(miwgFixtureDir);

  it('should keep a copy of every reference model, with its licence', () => {
    expect(files).toHaveLength(10);
    expect(readFileSync(path.join(miwgFixtureDir, 'LICENSE.txt'), 'utf8')).toContain('Creative Commons Attribution 3.0');
  });

  it.skipIf(!hasSharedMiwg)('should hold the same models as the shared reference folder beside the repository', () => {
    expect(files).toEqual(bpmnFiles(sharedMiwgDir));
    for (const file of files) expect(readMiwg(file)).toBe(readFileSync(path.join(sharedMiwgDir, file), 'utf8'));
  });

  it.each(files)('should import the default process of %s into a definition that fits the schema', async (file) => {
    const result = await importBpmn(readMiwg(file));
    expect(definitionSchema.safeParse(result.definition).success).toBe(true);
    expect(result.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  });

  it.each(files)('should map or report each flow element of every process of %s, and keep its layout, each node centred on its shape', async (file) => {
    const xml = readMiwg(file);
    const facts = await modelFacts(xml);
    expect(facts.processes.length).toBeGreaterThan(0);
    for (const process of facts.processes) {
      const { definition, diagnostics } = await importBpmn(xml, { processId: process.id });
      if (definition === undefined) throw new Error(`${file} ${process.id}: no definition`);
      const renamed = new Map(diagnostics.filter((d) => d.code === 'bpmn-id-renamed').map((d) => [d.elementId, d.nodeId ?? d.edgeId]));
      const idOf = (bpmnId: string): string => renamed.get(bpmnId) ?? bpmnId;
      const nodeIds = new Set(definition.nodes.map((node) => node.id));
      const edges = new Map(definition.edges.map((edge) => [edge.id, edge]));
      const reported = new Set(
        diagnostics.filter((d) => d.code === 'bpmn-unsupported-element' || d.code === 'bpmn-dropped-flow').map((d) => d.elementId),
      );
      const breachBoundaries = new Set(
        process.flowElements
          .filter((element) => element.type === 'bpmn:SequenceFlow' && edges.get(idOf(element.id))?.kind === 'slaBreach')
          .map((flow) => flow.sourceRef),
      );
      let mapped = 0;
      let reportedHere = 0;
      for (const element of process.flowElements) {
        const isMapped = nodeIds.has(idOf(element.id)) || edges.has(idOf(element.id)) || breachBoundaries.has(element.id);
        const isReported = reported.has(element.id);
        expect(isMapped !== isReported, `${file} ${element.type} '${element.id}' mapped ${isMapped}, reported ${isReported}`).toBe(true);
        if (isMapped) mapped += 1;
        if (isReported) reportedHere += 1;
      }
      expect(mapped + reportedHere).toBe(process.flowElements.length);
      expect(definition.nodes.length + definition.edges.length + breachBoundaries.size).toBe(mapped);

      const bpmnIdOf = new Map([...renamed].map(([bpmnId, id]) => [id, bpmnId]));
      for (const node of definition.nodes) {
        const shape = facts.bounds.get(bpmnIdOf.get(node.id) ?? node.id);
        const size = bpmnShapeSizes[node.type];
        if (size === undefined) throw new Error(`${file} '${node.id}' has type '${node.type}', which has no size`);
        const centred = shape === undefined ? undefined : { x: shape.x + (shape.width - size.width) / 2, y: shape.y + (shape.height - size.height) / 2 };
        expect(node.position, `${file} '${node.id}' keeps the centre of its shape`).toEqual(centred);
      }
    }
  });

  it('should report every process but the chosen one, and the collaboration message flows', async () => {
    const result = await importBpmn(readMiwg('B.2.0.bpmn'), { processId: 'WFP-6-2' });
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-other-process').map((d) => d.elementId)).toEqual([
      'Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450',
      'WFP-6-1',
      'WFP-0-',
    ]);
    expect(result.diagnostics.filter((d) => d.elementType === 'bpmn:MessageFlow')).toHaveLength(2);
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-lane-ignored')).toHaveLength(2);
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-artifact-ignored').map((d) => d.elementType)).toEqual(['bpmn:Group']);
  });

  it('should pass on what the XML reader noted, such as an encoding it read as UTF-8', async () => {
    const { diagnostics } = await importBpmn(readMiwg('A.1.0.bpmn'));
    expect(diagnostics.filter((d) => d.code === 'bpmn-xml-warning').map((d) => `${d.severity} ${d.message}`)).toEqual([
      'info The XML reader noted: unsupported document encoding <ISO-8859-1>, falling back to UTF-8',
    ]);
  });

  it('should pick the first executable process when the caller names none', async () => {
    const definition = definitionOf(await importBpmn(readMiwg('C.1.0.bpmn')));
    expect(definition.key).toBe('bpmn-miwg-test-case-c-1-0');
    expect(definition.nodes.map((node) => node.id)).toContain('approveInvoice');
  });

  it('should keep the XPath conditions of the invoice process as written, with a warning each', async () => {
    const result = await importBpmn(readMiwg('C.1.1.bpmn'));
    const definition = definitionOf(result);
    expect(definition.edges.find((edge) => edge.id === 'invoiceApproved')).toEqual({
      id: 'invoiceApproved',
      source: 'invoice_approved',
      target: 'prepareBankTransfer',
      condition: "bpmn:getDataObject('approved')",
      label: 'yes',
    });
    expect(result.diagnostics.filter((d) => d.code === 'bpmn-condition-language').map((d) => d.edgeId)).toEqual([
      'invoiceApproved',
      'invoiceNotApproved',
      'reviewSuccessful',
      'reviewNotSuccessful',
    ]);
  });
});
