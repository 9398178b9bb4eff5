/**
 * Writes the golden snapshots of `test/golden/` (`npx tsx test/golden/write-golden.ts` in
 * `engine/`): for each scenario, the machine this engine compiles, the snapshot it stores part way
 * through a case, the events that finish the case and what they must do. `golden.test.ts` restores
 * them with every later engine version; regenerate only to add scenarios, never to make a failing
 * one pass (a snapshot a host stored must keep working).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compile, ENGINE_VERSION, openTasks, parseDefinition, step } from '../../src/index.ts';
import type { CaseEvent, Effect, MachineConfigJson, PersistedCaseSnapshot, WorkflowDefinition } from '../../src/index.ts';
import { loadWorkflow } from '../load-fixture.ts';

/** A golden file: what `golden.test.ts` reads. */
export interface GoldenFile {
  scenario: string;
  /** The engine version that wrote the file. */
  engine: string;
  machine: MachineConfigJson;
  snapshot: PersistedCaseSnapshot;
  /** The events that finish the case, each with the instant it is stepped at. */
  events: { event: CaseEvent; at: string }[];
  expected: { effects: Effect[][]; status: string; value: unknown; result: string | null };
}

interface Scenario {
  name: string;
  scenario: string;
  definition: WorkflowDefinition;
  data: Record<string, unknown>;
  /** Events sent before the snapshot is kept; `approve` completes the first open task of that node. */
  before: (CaseEvent | { approve: string })[];
  /** Events that finish the case after it; the first open task is approved whenever none is given. */
  after: CaseEvent[];
}

const START = Date.parse('2026-03-02T09:00:00+08:00');
const HOUR = 3_600_000;

function workflowFile(key: string): WorkflowDefinition {
  const { definition } = parseDefinition(JSON.parse(readFileSync(new URL(`../../../workflows/${key}/definition.json`, import.meta.url), 'utf8')));
  if (!definition) throw new Error(`workflows/${key} does not parse`);
  return definition;
}

const restaurantData = (JSON.parse(readFileSync(new URL('../../../workflows/open-restaurant/fixtures/large-restaurant.json', import.meta.url), 'utf8')) as { data: Record<string, unknown> }).data;

const scenarios: Scenario[] = [
  {
    name: 'open-restaurant-inclusive-branches',
    scenario: 'open-restaurant, a large public-gathering venue with a sign: all three branches of the inclusive split open',
    definition: workflowFile('open-restaurant'),
    data: restaurantData,
    before: [{ approve: 'intake' }, { approve: 'licence-check' }],
    after: [],
  },
  {
    name: 'open-restaurant-awaiting-supplement',
    scenario: 'open-restaurant suspended at intake for a 补正, its art. 32 timer cancelled',
    definition: workflowFile('open-restaurant'),
    data: restaurantData,
    before: [{ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'requestSupplement', data: { supplementItems: '平面布局图' } }],
    after: [{ type: 'case.supplement', data: { address: '南京东路100号' } }],
  },
  {
    name: 'countersign-half-decided',
    scenario: 'a joint review by three departments (会签), one of them decided',
    definition: loadWorkflow('multi-instance'),
    data: { panelMembers: ['wang', 'li'] },
    before: [{ approve: 'intake' }, { approve: 'joint-review' }],
    after: [],
  },
  {
    name: 'service-incident',
    scenario: 'an automated licence lookup that failed after its retries (an incident)',
    definition: loadWorkflow('service-task'),
    data: {},
    before: [{ type: 'service.failed', nodeId: 'check-licence', serviceId: 'check-licence#1', error: '503' }],
    after: [
      { type: 'service.retry', nodeId: 'check-licence', serviceId: 'check-licence#1' },
      { type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#2', data: { licenceValid: true } },
    ],
  },
  {
    name: 'timer-waiting',
    scenario: 'a case waiting out its public-notice period',
    definition: loadWorkflow('timer-event'),
    data: {},
    before: [{ approve: 'review' }],
    after: [{ type: 'timer.fired', nodeId: 'public-notice', timerId: 'public-notice#1/timerEvent' }],
  },
  {
    name: 'sub-case-running',
    scenario: 'a case waiting for its food-licence sub-case',
    definition: loadWorkflow('call-activity'),
    data: { businessName: '雨林咖啡', address: '天平路88号' },
    before: [{ approve: 'intake' }],
    after: [{ type: 'subCase.completed', nodeId: 'food-licence', subCaseId: 'golden/food-licence#1', result: 'approved', data: { foodLicenceNumber: 'JY1' } }],
  },
  {
    name: 'extension-requested',
    scenario: 'a decision whose extension waits for the manager',
    definition: loadWorkflow('extension'),
    data: {},
    before: [{ type: 'task.requestExtension', nodeId: 'review', taskId: 'review#1', amount: 10, reason: '需组织专家论证' }],
    after: [{ type: 'task.approveExtension', nodeId: 'review', taskId: 'review#1', approverRole: 'manager' }],
  },
  {
    name: 'held-for-expert-review',
    scenario: 'an inspection held for expert review (art. 45), its promised limit passing after it resumes',
    definition: loadWorkflow('sla-edges'),
    data: {},
    before: [{ type: 'case.suspend', reason: 'expertReview', nodeId: 'inspection', taskId: 'inspection#1' }],
    after: [
      { type: 'case.resume', data: { expertOpinion: '符合' } },
      { type: 'task.slaBreach', nodeId: 'inspection', taskId: 'inspection#1', limit: 'promised' },
      { type: 'task.complete', nodeId: 'inspection', taskId: 'inspection#1', outcome: 'approve' },
      { type: 'task.slaBreach', nodeId: 'decision', taskId: 'decision#1' },
    ],
  },
];

function firstOpen(machine: MachineConfigJson, snapshot: PersistedCaseSnapshot, nodeId?: string): CaseEvent {
  const task = openTasks(machine, snapshot).find((open) => nodeId === undefined || open.nodeId === nodeId);
  if (!task) throw new Error(`No open task${nodeId ? ` at '${nodeId}'` : ''} in ${JSON.stringify(snapshot.value)}`);
  return { type: 'task.complete', nodeId: task.nodeId, taskId: task.taskId, outcome: 'approve', reason: 'golden' };
}

for (const scenario of scenarios) {
  const { machine } = compile(scenario.definition);
  let clock = START;
  const tick = (): Date => new Date((clock += HOUR));
  let snapshot = step(machine, undefined, { type: 'case.start' }, new Date(START), { caseId: 'golden', data: scenario.data }).snapshot;
  for (const move of scenario.before) {
    snapshot = step(machine, snapshot, 'approve' in move ? firstOpen(machine, snapshot, move.approve) : move, tick()).snapshot;
  }
  const kept = JSON.parse(JSON.stringify(snapshot)) as PersistedCaseSnapshot;
  const events: GoldenFile['events'] = [];
  const effects: Effect[][] = [];
  const pending = [...scenario.after];
  while (snapshot.status !== 'done') {
    const event = pending.shift() ?? firstOpen(machine, snapshot);
    const at = tick();
    const result = step(machine, snapshot, event, at);
    events.push({ event, at: at.toISOString() });
    effects.push(result.effects);
    snapshot = result.snapshot;
  }
  const context = snapshot.context as { result: string | null };
  const golden: GoldenFile = {
    scenario: scenario.scenario,
    engine: ENGINE_VERSION,
    machine,
    snapshot: kept,
    events,
    expected: { effects, status: String(snapshot.status), value: snapshot.value, result: context.result },
  };
  writeFileSync(new URL(`${scenario.name}.json`, import.meta.url), `${JSON.stringify(golden, null, 2)}\n`);
  console.log(`wrote test/golden/${scenario.name}.json (${events.length} events to the end)`);
}
