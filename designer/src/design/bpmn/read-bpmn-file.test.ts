import { describe, expect, it } from 'vitest';
import { readBpmnFile } from './read-bpmn-file.ts';

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="x">`;

const flow = `
  <bpmn:process id="permit" name="Permit" isExecutable="true">
    <bpmn:startEvent id="start" name="Apply"/>
    <bpmn:userTask id="review" name="Review"/>
    <bpmn:endEvent id="end" name="Done"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>`;

const diagram = `
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="permit">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="120" width="40" height="40"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="220" y="98" width="176" height="84"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="480" y="120" width="40" height="40"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;

describe('readBpmnFile', () => {
  it('keeps the positions a file draws, with the schema defaults applied', async () => {
    const reading = await readBpmnFile(`${header}${flow}${diagram}</bpmn:definitions>`);
    expect(reading.laidOut).toBe(false);
    expect(reading.definition?.nodes.map((node) => [node.id, node.position])).toEqual([
      ['start', { x: 100, y: 120 }],
      ['review', { x: 220, y: 98 }],
      ['end', { x: 480, y: 120 }],
    ]);
    expect(reading.definition?.version).toBe(1);
    expect(reading.findings.some((finding) => finding.code === 'bpmn-missing-layout')).toBe(false);
  });

  it('lays out a file without diagram data, left to right, and says so', async () => {
    const reading = await readBpmnFile(`${header}${flow}</bpmn:definitions>`);
    expect(reading.laidOut).toBe(true);
    const xs = (reading.definition?.nodes ?? []).map((node) => node.position?.x ?? Number.NaN);
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBeLessThan(xs[1] ?? Number.NaN);
    expect(xs[1]).toBeLessThan(xs[2] ?? Number.NaN);
    expect(reading.findings.filter((finding) => finding.code === 'bpmn-missing-layout').map((finding) => finding.nodeId)).toEqual(['start', 'review', 'end']);
  });

  it('gives no definition for a file that is not BPMN, only the error', async () => {
    const reading = await readBpmnFile('{ "nodes": [] }');
    expect(reading.definition).toBeUndefined();
    expect(reading.findings.map((finding) => `${finding.code} ${finding.severity}`)).toEqual(['bpmn-unreadable-xml error']);
  });

  it('gives no definition for a document without a process', async () => {
    const reading = await readBpmnFile(`${header}</bpmn:definitions>`);
    expect(reading.definition).toBeUndefined();
    expect(reading.findings.map((finding) => finding.code)).toEqual(['bpmn-no-process']);
  });
});
