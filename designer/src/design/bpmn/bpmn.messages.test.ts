import { importBpmn, type BpmnDiagnostic } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { bpmnMessages, sayFinding } from './bpmn.messages.ts';

/** A Camunda Modeler drawing Tongban cannot take whole: another tool's attributes and extension, a script task, a wait longer than the calendar counts, a boundary message event. */
const camundaDrawing = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
  <bpmn:process id="Permit_Process" name="Permit" isExecutable="true">
    <bpmn:startEvent id="start" name="Apply"/>
    <bpmn:userTask id="review" name="Review" camunda:assignee="demo">
      <bpmn:extensionElements><camunda:formData/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="ping" attachedToRef="review"><bpmn:messageEventDefinition/></bpmn:boundaryEvent>
    <bpmn:scriptTask id="score" name="Score"/>
    <bpmn:intermediateCatchEvent id="cool-off" name="Cool off"><bpmn:timerEventDefinition><bpmn:timeDuration>P99999D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="score"/>
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="cool-off"/>
    <bpmn:sequenceFlow id="f4" sourceRef="cool-off" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

async function findings(): Promise<BpmnDiagnostic[]> {
  return (await importBpmn(camundaDrawing)).diagnostics;
}

function said(list: BpmnDiagnostic[], code: string, locale: 'zh-CN' | 'en-US'): string[] {
  return list.filter((finding) => finding.code === code).map((finding) => sayFinding(bpmnMessages[locale].findings, finding));
}

describe('the words of BPMN import findings', () => {
  it('name each element Tongban leaves out, its type and why, in both languages', async () => {
    const list = await findings();
    expect(said(list, 'bpmn-unsupported-element', 'zh-CN')).toEqual([
      '脚本任务“score”（Score）未导入：通办不运行脚本',
      '边界事件“ping”未导入：只有任务上的定时边界事件对应通办的超时连线',
    ]);
    expect(said(list, 'bpmn-unsupported-element', 'en-US')).toEqual([
      "Script task 'score' ('Score') is not imported: Tongban runs no scripts",
      "Boundary event 'ping' is not imported: only a timer boundary event on a task has a Tongban counterpart (its SLA edge)",
    ]);
    expect(said(list, 'bpmn-dropped-flow', 'zh-CN')).toEqual(['顺序流“f2”未导入：它的终点“score”没有导入']);
  });

  it("name each attribute and extension element of another tool that is left out", async () => {
    const list = await findings();
    expect(said(list, 'bpmn-foreign-attribute', 'zh-CN')).toEqual(['用户任务“review”的属性 camunda:assignee="demo" 来自其他工具，通办不读取，已忽略']);
    expect(said(list, 'bpmn-foreign-extension', 'en-US')).toEqual([
      "User task 'review' has the extension element <camunda:formData> of another tool, which Tongban does not read; it is left out",
    ]);
  });

  it('give a wait longer than the calendar counts with the longest one it counts', async () => {
    const list = await findings();
    expect(said(list, 'bpmn-duration-too-long', 'zh-CN')).toEqual([
      '中间捕获事件“cool-off”的等待时长为 99999 个自然日，超过工作日历可计算的最长时限 3650 个自然日（十年）；已保留，发布前请缩短',
    ]);
    expect(said(list, 'bpmn-duration-too-long', 'en-US')).toEqual([
      "The wait of intermediate catch event 'cool-off' is 99999 calendar days, longer than the 3650 calendar days (ten years) the calendar counts; it is kept, shorten it before publishing",
    ]);
  });

  it('say every finding of the drawing in both languages, each naming its element', async () => {
    const list = await findings();
    expect(list.length).toBeGreaterThan(8);
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const finding of list) {
        const sentence = sayFinding(bpmnMessages[locale].findings, finding);
        expect(sentence, finding.code).not.toMatch(/undefined|\[object/);
        if (finding.elementId) expect(sentence, finding.code).toContain(finding.elementId);
      }
    }
  });

  it('say why a file cannot be read without the English of the reader', async () => {
    const [unreadable] = (await importBpmn('not xml at all')).diagnostics;
    if (unreadable === undefined) throw new Error('no finding');
    expect(sayFinding(bpmnMessages['zh-CN'].findings, unreadable)).toBe('文件不是 BPMN 2.0 XML，无法读取');
    expect(sayFinding(bpmnMessages['en-US'].findings, unreadable)).toBe('The file is not BPMN 2.0 XML and cannot be read');
  });
});
