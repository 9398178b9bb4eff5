import { BPMN_NO_COUNTERPART_REASONS, type BpmnDiagnostic, type BpmnDiagnosticCode, type BpmnDurationField, type BpmnTimerText, type BpmnUnsupportedReason, type SlaLimit, type SlaUnit } from '@tongban/engine';
import { defineMessages } from '../../i18n/index.ts';

/** The finding of one code, with its params typed. */
type FindingOf<C extends BpmnDiagnosticCode> = Extract<BpmnDiagnostic, { code: C }>;

/** One sentence per import code, from the finding's place and params. */
export type BpmnFindingWords = { [C in BpmnDiagnosticCode]: (finding: FindingOf<C>) => string };

/** Names of the BPMN element types a finding is about, as a modeler's palette calls them. */
const zhTypes: Record<string, string> = {
  'bpmn:Process': '流程',
  'bpmn:StartEvent': '开始事件',
  'bpmn:EndEvent': '结束事件',
  'bpmn:UserTask': '用户任务',
  'bpmn:Task': '任务',
  'bpmn:ManualTask': '手工任务',
  'bpmn:ServiceTask': '服务任务',
  'bpmn:ScriptTask': '脚本任务',
  'bpmn:SendTask': '发送任务',
  'bpmn:ReceiveTask': '接收任务',
  'bpmn:BusinessRuleTask': '业务规则任务',
  'bpmn:CallActivity': '调用活动',
  'bpmn:SubProcess': '子流程',
  'bpmn:AdHocSubProcess': '自由子流程',
  'bpmn:Transaction': '事务子流程',
  'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关',
  'bpmn:InclusiveGateway': '包容网关',
  'bpmn:EventBasedGateway': '事件网关',
  'bpmn:ComplexGateway': '复杂网关',
  'bpmn:IntermediateCatchEvent': '中间捕获事件',
  'bpmn:IntermediateThrowEvent': '中间抛出事件',
  'bpmn:BoundaryEvent': '边界事件',
  'bpmn:SequenceFlow': '顺序流',
  'bpmn:MessageFlow': '消息流',
  'bpmn:DataObject': '数据对象',
  'bpmn:DataObjectReference': '数据对象',
  'bpmn:DataStoreReference': '数据存储',
  'bpmn:Lane': '泳道',
  'bpmn:TextAnnotation': '文本注释',
  'bpmn:Association': '关联',
  'bpmn:Group': '分组',
  'bpmn:MultiInstanceLoopCharacteristics': '多实例循环',
  'bpmn:StandardLoopCharacteristics': '标准循环',
  'bpmn:MessageEventDefinition': '消息',
  'bpmn:TimerEventDefinition': '定时',
  'bpmn:SignalEventDefinition': '信号',
  'bpmn:ErrorEventDefinition': '错误',
  'bpmn:EscalationEventDefinition': '升级',
  'bpmn:ConditionalEventDefinition': '条件',
  'bpmn:CompensateEventDefinition': '补偿',
  'bpmn:LinkEventDefinition': '链接',
  'bpmn:CancelEventDefinition': '取消',
  'bpmn:TerminateEventDefinition': '终止',
};

const enTypes: Record<string, string> = {
  'bpmn:Process': 'process',
  'bpmn:StartEvent': 'start event',
  'bpmn:EndEvent': 'end event',
  'bpmn:UserTask': 'user task',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manual task',
  'bpmn:ServiceTask': 'service task',
  'bpmn:ScriptTask': 'script task',
  'bpmn:SendTask': 'send task',
  'bpmn:ReceiveTask': 'receive task',
  'bpmn:BusinessRuleTask': 'business rule task',
  'bpmn:CallActivity': 'call activity',
  'bpmn:SubProcess': 'sub-process',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-process',
  'bpmn:Transaction': 'transaction',
  'bpmn:ExclusiveGateway': 'exclusive gateway',
  'bpmn:ParallelGateway': 'parallel gateway',
  'bpmn:InclusiveGateway': 'inclusive gateway',
  'bpmn:EventBasedGateway': 'event-based gateway',
  'bpmn:ComplexGateway': 'complex gateway',
  'bpmn:IntermediateCatchEvent': 'intermediate catch event',
  'bpmn:IntermediateThrowEvent': 'intermediate throw event',
  'bpmn:BoundaryEvent': 'boundary event',
  'bpmn:SequenceFlow': 'sequence flow',
  'bpmn:MessageFlow': 'message flow',
  'bpmn:DataObject': 'data object',
  'bpmn:DataObjectReference': 'data object',
  'bpmn:DataStoreReference': 'data store',
  'bpmn:Lane': 'lane',
  'bpmn:TextAnnotation': 'text annotation',
  'bpmn:Association': 'association',
  'bpmn:Group': 'group',
  'bpmn:MultiInstanceLoopCharacteristics': 'multi-instance loop',
  'bpmn:StandardLoopCharacteristics': 'standard loop',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:ConditionalEventDefinition': 'condition',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CancelEventDefinition': 'cancel',
  'bpmn:TerminateEventDefinition': 'terminate',
};

/** Why Tongban has no counterpart for an element type (`no-counterpart`), for the types met most often. */
const zhNoCounterpart: Record<string, string> = {
  'bpmn:SubProcess': '通办没有内嵌子流程；请把其中的步骤画进主流程，或发布为独立流程后用“调用子流程”调用',
  'bpmn:AdHocSubProcess': '通办没有子流程；请把其中的步骤画进主流程',
  'bpmn:Transaction': '通办没有事务',
  'bpmn:EventBasedGateway': '通办按案件数据和办理结果选择路径，而不是按先到的事件',
  'bpmn:IntermediateThrowEvent': '通办不抛出事件',
  'bpmn:IntermediateCatchEvent': '通办只等待任务和定时',
  'bpmn:SendTask': '通办不发送消息',
  'bpmn:ReceiveTask': '通办不接收消息',
  'bpmn:ScriptTask': '通办不运行脚本',
  'bpmn:BusinessRuleTask': '通办不执行决策表',
  'bpmn:DataObject': '案件数据由流程的申请表结构描述',
  'bpmn:DataObjectReference': '案件数据由流程的申请表结构描述',
  'bpmn:DataStoreReference': '案件数据由流程的申请表结构描述',
};

const zhUnits: Record<SlaUnit, string> = { workingDay: '个工作日', workingHour: '个工作小时', calendarDay: '个自然日', hour: '小时' };
const enUnits: Record<SlaUnit, string> = { workingDay: 'working days', workingHour: 'working hours', calendarDay: 'calendar days', hour: 'hours' };
const zhDurations: Record<BpmnDurationField, string> = {
  promisedSla: '承诺总时限',
  promised: '承诺时限',
  statutory: '法定时限',
  acceptanceDeadline: '受理期限',
  extensionCap: '延期上限',
  wait: '等待时长',
};
const enDurations: Record<BpmnDurationField, string> = {
  promisedSla: 'promised total',
  promised: 'promised limit',
  statutory: 'statutory limit',
  acceptanceDeadline: 'acceptance deadline',
  extensionCap: 'extension cap',
  wait: 'wait',
};
const zhLimits: Record<SlaLimit, string> = { promised: '承诺时限', statutory: '法定时限' };
const enLimits: Record<SlaLimit, string> = { promised: 'promised limit', statutory: 'statutory limit' };

/** The type of a finding's element in words; a type not in the table as its name without the `bpmn:` prefix. */
function typeName(types: Record<string, string>, elementType: string | undefined): string {
  if (elementType === undefined) return '';
  return types[elementType] ?? elementType.replace(/^bpmn:/, '');
}

/** `脚本任务“script”（计算）`: the finding's element, its type, id and, when the finding gives one, name. */
function zhElement(finding: BpmnDiagnostic, name?: string): string {
  const id = finding.elementId === undefined || finding.elementId === '' ? '' : `“${finding.elementId}”`;
  return `${typeName(zhTypes, finding.elementType)}${id}${name ? `（${name}）` : ''}`;
}

/** `script task 'script' ('Compute')`. */
function enElement(finding: BpmnDiagnostic, name?: string): string {
  const id = finding.elementId === undefined || finding.elementId === '' ? '' : ` '${finding.elementId}'`;
  return `${typeName(enTypes, finding.elementType)}${id}${name ? ` ('${name}')` : ''}`;
}

/** The first letter in capitals: an English sentence that starts with an element. */
function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function zhTimer(timer: BpmnTimerText): string {
  return timer.kind === 'duration' ? `时长“${timer.text}”` : timer.kind === 'date' ? '一个日期' : timer.kind === 'cycle' ? '一个循环周期' : '未设定时间';
}

function enTimer(timer: BpmnTimerText): string {
  return timer.kind === 'duration' ? `duration '${timer.text}'` : timer.kind === 'none' ? 'no time' : `a ${timer.kind}`;
}

type UnsupportedParams = FindingOf<'bpmn-unsupported-element'>['params'];

function zhUnsupported(finding: FindingOf<'bpmn-unsupported-element'>): string {
  const p: UnsupportedParams = finding.params;
  const reasons: Record<BpmnUnsupportedReason, () => string> = {
    'no-counterpart': () => zhNoCounterpart[finding.elementType ?? ''] ?? '通办没有对应的元素',
    'timer-not-elapsed-time': () => `它的定时为${zhTimer(p.timer ?? { kind: 'none' })}，而通办的等待须为整周、整天或整小时`,
    'boundary-not-timer': () => '只有任务上的定时边界事件对应通办的超时连线',
    'boundary-not-on-task': () => `它附着在“${p.attachedTo ?? ''}”上，那不是导入的人工任务`,
    'boundary-without-flow': () => '没有导入的顺序流从它出发，无法成为超时连线',
    'message-flow': () => `它从“${p.source ?? ''}”到“${p.target ?? ''}”，而通办的泳池之间不传递消息`,
  };
  const inside = p.innerElementCount === undefined ? '' : `（内含 ${p.innerElementCount} 个元素）`;
  return `${zhElement(finding, p.name)}${inside}未导入：${reasons[p.reason]()}`;
}

function enUnsupported(finding: FindingOf<'bpmn-unsupported-element'>): string {
  const p: UnsupportedParams = finding.params;
  const reasons: Record<BpmnUnsupportedReason, () => string> = {
    'no-counterpart': () => BPMN_NO_COUNTERPART_REASONS[finding.elementType ?? ''] ?? 'Tongban has no such element',
    'timer-not-elapsed-time': () => `its timer has ${enTimer(p.timer ?? { kind: 'none' })}, and a Tongban wait is a whole number of weeks, days or hours`,
    'boundary-not-timer': () => 'only a timer boundary event on a task has a Tongban counterpart (its SLA edge)',
    'boundary-not-on-task': () => `it is attached to '${p.attachedTo ?? ''}', which is not an imported user task`,
    'boundary-without-flow': () => 'no imported sequence flow leaves it, so it has no SLA edge to take',
    'message-flow': () => `it runs from '${p.source ?? ''}' to '${p.target ?? ''}', and Tongban exchanges no messages between pools`,
  };
  const inside = p.innerElementCount === undefined ? '' : ` with ${p.innerElementCount} elements inside`;
  return `${capital(enElement(finding, p.name))}${inside} is not imported: ${reasons[p.reason]()}`;
}

function zhIgnoredDetail(finding: FindingOf<'bpmn-ignored-detail'>): string {
  const p = finding.params;
  switch (p.detail) {
    case 'event-definition':
      return `${zhElement(finding)}的${p.eventDefinitions.map((type) => `${typeName(zhTypes, type)}定义`).join('、')}未导入，按普通事件导入`;
    case 'loop':
      return `${zhElement(finding)}的${typeName(zhTypes, p.loopType)}未导入，只执行一次`;
    case 'sequential-instances':
      return `${zhElement(finding)}的多个实例在文件中依次执行；通办会同时开启全部实例`;
    case 'timer-time':
      return `${zhElement(finding)}的定时为${zhTimer(p.timer)}，不是整周、整天或整小时；请为任务“${p.taskId}”设置${zhLimits[p.limit]}`;
  }
}

function enIgnoredDetail(finding: FindingOf<'bpmn-ignored-detail'>): string {
  const p = finding.params;
  switch (p.detail) {
    case 'event-definition':
      return `The ${p.eventDefinitions.map((type) => `${typeName(enTypes, type)} definition`).join(', ')} of ${enElement(finding)} is not imported; it is a plain event`;
    case 'loop':
      return `The ${typeName(enTypes, p.loopType)} of ${enElement(finding)} is not imported; it runs once`;
    case 'sequential-instances':
      return `The instances of ${enElement(finding)} run one after another in the file; Tongban opens them all at once`;
    case 'timer-time':
      return `The timer of ${enElement(finding)} has ${enTimer(p.timer)}, not whole weeks, days or hours; give task '${p.taskId}' a ${enLimits[p.limit]}`;
  }
}

function zhXmlWarning(finding: FindingOf<'bpmn-xml-warning'>): string {
  const p = finding.params;
  switch (p.kind) {
    case 'unknown-attribute':
      return `${zhElement(finding)}的属性 ${p.name ?? ''} 无法识别，已忽略`;
    case 'unresolved-reference':
      return `${zhElement(finding)}引用的“${p.name ?? ''}”在文件中找不到`;
    case 'unparsable-content':
      return `${p.line === undefined ? '' : `第 ${p.line} 行的`}元素 <${p.name ?? ''}> 无法读取，已忽略`;
    case 'other':
      return `XML 读取提示：${p.reason}`;
  }
}

function enXmlWarning(finding: FindingOf<'bpmn-xml-warning'>): string {
  const p = finding.params;
  switch (p.kind) {
    case 'unknown-attribute':
      return `${capital(enElement(finding))} has an unknown attribute ${p.name ?? ''}; it is left out`;
    case 'unresolved-reference':
      return `${capital(enElement(finding))} refers to '${p.name ?? ''}', which the file does not hold`;
    case 'unparsable-content':
      return `The element <${p.name ?? ''}>${p.line === undefined ? '' : ` on line ${p.line}`} could not be read; it is left out`;
    case 'other':
      return `The XML reader noted: ${p.reason}`;
  }
}

const zhFindings: BpmnFindingWords = {
  'bpmn-unreadable-xml': () => '文件不是 BPMN 2.0 XML，无法读取',
  'bpmn-no-process': () => '文件中没有流程（bpmn:process），无可导入的内容',
  'bpmn-process-not-found': (f) => `文件中没有流程“${f.params.processId}”（有：${f.params.processIds.join('、')}）`,
  'bpmn-invalid-option': () => '导入的流程不符合流程定义的格式',
  'bpmn-xml-warning': zhXmlWarning,
  'bpmn-other-process': (f) =>
    `${zhElement(f)}（${f.params.name === undefined ? '' : `泳池“${f.params.name}”，`}${f.params.flowElementCount} 个元素）未导入：一个通办流程只对应一个 BPMN 流程，已导入“${f.params.importedProcessId}”`,
  'bpmn-unsupported-element': zhUnsupported,
  'bpmn-dropped-flow': (f) => `${zhElement(f)}未导入：它的${f.params.end === 'source' ? '起点' : '终点'}“${f.params.endId}”没有导入`,
  'bpmn-lane-ignored': (f) => `${zhElement(f, f.params.name)}未导入：任务的办理部门取自 tongban:department`,
  'bpmn-artifact-ignored': (f) => `${zhElement(f)}是图上的注释，未导入`,
  'bpmn-foreign-attribute': (f) => `${zhElement(f)}的属性 ${f.params.attribute}="${f.params.value}" 来自其他工具，通办不读取，已忽略`,
  'bpmn-foreign-extension': (f) => `${zhElement(f)}的扩展元素 <${f.params.extension}> 来自其他工具，通办不读取，已忽略`,
  'bpmn-task-as-user-task': (f) => `${zhElement(f)}按人工任务导入，请检查办理部门和办理结果`,
  'bpmn-ignored-detail': zhIgnoredDetail,
  'bpmn-id-renamed': (f) => `${zhElement(f)}的标识不符合要求，改为“${f.params.newId}”`,
  'bpmn-missing-name': (f) => `${zhElement(f)}没有名称，以“${f.params.name}”命名`,
  'bpmn-missing-key': (f) => `${zhElement(f)}没有 tongban:key，流程标识设为“${f.params.key}”`,
  'bpmn-missing-calendar': (f) => `${zhElement(f)}没有指定工作日历，按“${f.params.calendar}”计算工作时间`,
  'bpmn-missing-department': (f) => `${zhElement(f)}没有指定办理部门，请选择`,
  'bpmn-missing-candidate-role': (f) =>
    f.params.role === '' ? `${zhElement(f)}的办理角色为空，请选择` : `${zhElement(f)}没有指定办理角色，交由“${f.params.role}”办理`,
  'bpmn-missing-result': (f) => `${zhElement(f)}没有指定办结结果，在此结束的案件结果为“${f.params.result}”`,
  'bpmn-missing-implementation': (f) => `${zhElement(f)}没有可用的处理程序或 HTTP 调用，暂时调用处理程序“${f.params.handler}”，请选择`,
  'bpmn-called-element-rewritten': (f) =>
    f.params.written === ''
      ? `${zhElement(f)}没有指定被调用的流程，暂时调用“${f.params.calledElement}”，请选择`
      : `${zhElement(f)}调用的“${f.params.written}”不是流程标识，改为调用“${f.params.calledElement}”`,
  'bpmn-missing-layout': (f) => `${zhElement(f)}在图中没有图形，已自动布局`,
  'bpmn-invalid-extension': (f) =>
    `${zhElement(f)}的 ${f.params.extension}${f.params.value === undefined ? '' : `“${f.params.value}”`}无效，${f.params.fallback === undefined ? '已忽略' : `改用“${f.params.fallback}”`}`,
  'bpmn-duration-too-long': (f) =>
    `${zhElement(f)}的${zhDurations[f.params.what]}为 ${f.params.amount} ${zhUnits[f.params.unit]}，超过工作日历可计算的最长时限 ${f.params.max} ${zhUnits[f.params.unit]}（十年）；已保留，发布前请缩短`,
  'bpmn-condition-language': (f) =>
    `${zhElement(f)}的条件用${f.params.language === undefined ? '其他表达式语言' : `“${f.params.language}”`}而非 FEEL 书写，已原样保留：${f.params.condition}`,
};

const enFindings: BpmnFindingWords = {
  'bpmn-unreadable-xml': () => 'The file is not BPMN 2.0 XML and cannot be read',
  'bpmn-no-process': () => 'The file holds no process (bpmn:process), so there is nothing to import',
  'bpmn-process-not-found': (f) => `The file holds no process '${f.params.processId}' (it holds ${f.params.processIds.map((id) => `'${id}'`).join(', ')})`,
  'bpmn-invalid-option': () => 'The imported workflow does not fit the definition schema',
  'bpmn-xml-warning': enXmlWarning,
  'bpmn-other-process': (f) =>
    `${capital(enElement(f))} (${f.params.name === undefined ? '' : `pool '${f.params.name}', `}${f.params.flowElementCount} elements) is not imported: a Tongban workflow is one BPMN process, and '${f.params.importedProcessId}' is imported`,
  'bpmn-unsupported-element': enUnsupported,
  'bpmn-dropped-flow': (f) => `${capital(enElement(f))} is not imported: its ${f.params.end} '${f.params.endId}' was not imported`,
  'bpmn-lane-ignored': (f) => `${capital(enElement(f, f.params.name))} is not imported: a task's department comes from tongban:department`,
  'bpmn-artifact-ignored': (f) => `${capital(enElement(f))} is a note on the diagram and is not imported`,
  'bpmn-foreign-attribute': (f) => `${capital(enElement(f))} has ${f.params.attribute}="${f.params.value}", another tool's attribute Tongban does not read; it is left out`,
  'bpmn-foreign-extension': (f) => `${capital(enElement(f))} has the extension element <${f.params.extension}> of another tool, which Tongban does not read; it is left out`,
  'bpmn-task-as-user-task': (f) => `${capital(enElement(f))} is imported as a user task; check its department and outcomes`,
  'bpmn-ignored-detail': enIgnoredDetail,
  'bpmn-id-renamed': (f) => `The id of ${enElement(f)} is not a definition id; it becomes '${f.params.newId}'`,
  'bpmn-missing-name': (f) => `${capital(enElement(f))} has no name; it is named '${f.params.name}'`,
  'bpmn-missing-key': (f) => `${capital(enElement(f))} has no tongban:key; the workflow is keyed '${f.params.key}'`,
  'bpmn-missing-calendar': (f) => `${capital(enElement(f))} names no business calendar; working time is counted on '${f.params.calendar}'`,
  'bpmn-missing-department': (f) => `${capital(enElement(f))} names no department; pick the one that handles it`,
  'bpmn-missing-candidate-role': (f) =>
    f.params.role === '' ? `${capital(enElement(f))} has an empty candidate role; pick the role that may claim it` : `${capital(enElement(f))} names no candidate role; it is offered to '${f.params.role}'`,
  'bpmn-missing-result': (f) => `${capital(enElement(f))} names no result; a case ending there is '${f.params.result}'`,
  'bpmn-missing-implementation': (f) => `${capital(enElement(f))} names no usable handler or HTTP call; it calls handler '${f.params.handler}' until one is picked`,
  'bpmn-called-element-rewritten': (f) =>
    f.params.written === ''
      ? `${capital(enElement(f))} names no called workflow; it calls '${f.params.calledElement}' until one is picked`
      : `${capital(enElement(f))} calls '${f.params.written}', which is not a workflow key; it calls '${f.params.calledElement}'`,
  'bpmn-missing-layout': (f) => `${capital(enElement(f))} has no shape in the diagram; auto-layout placed it`,
  'bpmn-invalid-extension': (f) =>
    `${capital(enElement(f))} has ${f.params.extension}${f.params.value === undefined ? '' : ` '${f.params.value}'`}, which does not fit; ${f.params.fallback === undefined ? 'it is left out' : `'${f.params.fallback}' is used`}`,
  'bpmn-duration-too-long': (f) =>
    `The ${enDurations[f.params.what]} of ${enElement(f)} is ${f.params.amount} ${enUnits[f.params.unit]}, longer than the ${f.params.max} ${enUnits[f.params.unit]} (ten years) the calendar counts; it is kept, shorten it before publishing`,
  'bpmn-condition-language': (f) =>
    `The condition of ${enElement(f)} is written in ${f.params.language === undefined ? 'another expression language' : `'${f.params.language}'`}, not FEEL; it is kept as written: ${f.params.condition}`,
};

/** Words of BPMN import and export on the Design screen. */
export const bpmnMessages = defineMessages(
  {
    findings: zhFindings,
    title: (fileName: string) => `BPMN 导入：${fileName}`,
    close: '关闭导入报告',
    errors: (count: number) => `${count} 个错误`,
    warnings: (count: number) => `${count} 个警告`,
    notes: (count: number) => `${count} 条说明`,
    imported: (name: string, nodes: number, edges: number) => `已导入为新的未保存流程“${name}”：${nodes} 个节点，${edges} 条连线。`,
    laidOut: '文件没有图形数据（BPMN DI），节点已自动布局。',
    notImported: '未导入任何内容，画布保持不变。',
    readerSaid: '读取器原文',
    importFailed: (fileName: string) => `无法导入 ${fileName}`,
    discardTitle: '放弃未保存的修改？',
    discardContent: (fileName: string) => `导入 ${fileName} 将以新的未保存流程替换画布上的内容，当前未保存的修改会丢失。`,
    discardConfirm: '导入',
    cancel: '取消',
    exportFailed: (key: string) => `流程 ${key} 无法导出为 BPMN：它不符合流程定义的格式`,
  },
  {
    findings: enFindings,
    title: (fileName: string) => `BPMN import: ${fileName}`,
    close: 'Close the import report',
    errors: (count: number) => `${count} ${count === 1 ? 'error' : 'errors'}`,
    warnings: (count: number) => `${count} ${count === 1 ? 'warning' : 'warnings'}`,
    notes: (count: number) => `${count} ${count === 1 ? 'note' : 'notes'}`,
    imported: (name: string, nodes: number, edges: number) => `Imported as a new unsaved drawing '${name}': ${nodes} nodes, ${edges} edges.`,
    laidOut: 'The file has no diagram data (BPMN DI); the nodes were laid out automatically.',
    notImported: 'Nothing was imported; the canvas is unchanged.',
    readerSaid: 'The reader said',
    importFailed: (fileName: string) => `${fileName} could not be imported`,
    discardTitle: 'Discard unsaved changes?',
    discardContent: (fileName: string) => `Importing ${fileName} replaces the canvas with a new unsaved drawing; the unsaved changes on it are lost.`,
    discardConfirm: 'Import',
    cancel: 'Cancel',
    exportFailed: (key: string) => `Workflow ${key} cannot be exported to BPMN: it does not fit the definition schema`,
  },
);

/** The words of one language. */
export type BpmnWords = (typeof bpmnMessages)['zh-CN'];

/** A finding said in the words of one language. Pure. */
export function sayFinding(words: BpmnFindingWords, finding: BpmnDiagnostic): string {
  return (words[finding.code] as (finding: BpmnDiagnostic) => string)(finding);
}
