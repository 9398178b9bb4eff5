/**
 * Engine step vs the `bpmn-engine` package (`tsx bench/bpmn-engine-step.ts --runs N`): the same
 * case of `open-restaurant` (fixture large-restaurant: every branch, every task approved) in
 * Tongban's engine and in bpmn-engine 25 on the same process as BPMN (Tongban's export, adapted
 * where bpmn-engine cannot run it: `bpmn-engine-model.ts`). Both restore their state from JSON at
 * every wait and write it back: Tongban `step(machine, JSON.parse(snapshot), event, now)`;
 * bpmn-engine `new Engine().recover(JSON.parse(state))`, `resume()`, signal the waiting user task,
 * `getState()`, `JSON.stringify`. Runs interleaved; the ratio is taken per pair. Printed and
 * handed to the suite; not asserted.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Engine } from 'bpmn-engine';
import { FigureSink, summarise } from '@tongban/bench';
import { compile, exportBpmn, parseDefinition, step } from '../src/index.ts';
import type { PersistedCaseSnapshot, WorkflowDefinition } from '../src/index.ts';
import { toBpmnEngineModel } from './bpmn-engine-model.ts';
import { recordMoves, type Move } from './record-moves.ts';
import { runsArgument } from './runs-argument.ts';

const RUNS = runsArgument(15);
/** How long one run of either engine repeats the case's steps, ms. */
const RUN_MS = 400;
const NOW = new Date('2026-03-02T09:00:00+08:00');
const sink = new FigureSink();

const definitionJson = JSON.parse(readFileSync(new URL('../../workflows/open-restaurant/definition.json', import.meta.url), 'utf8')) as unknown;
const { definition } = parseDefinition(definitionJson);
if (!definition) throw new Error('workflows/open-restaurant/definition.json does not parse');
const fixture = JSON.parse(readFileSync(new URL('../../workflows/open-restaurant/fixtures/large-restaurant.json', import.meta.url), 'utf8')) as {
  data: Record<string, unknown>;
};
const data = { ...fixture.data, area: 1280, seats: 360, publicGatheringVenue: true, outdoorSign: true };

/** The BPMN bpmn-engine runs: Tongban's export with the differences of `bpmn-engine-model.ts`. */
async function bpmnEngineSource(workflow: WorkflowDefinition): Promise<string> {
  return toBpmnEngineModel(await exportBpmn(workflow), {
    conditions: {
      'publicGatheringVenue = true': 'this.environment.variables.publicGatheringVenue === true',
      'outdoorSign = true': 'this.environment.variables.outdoorSign === true',
      'area >= 1000': 'this.environment.variables.area >= 1000',
    },
    joins: ['join'],
  });
}

/** One stored bpmn-engine state (JSON) and the user task waiting in it that the clerk completes. */
interface BpmnMove {
  json: string;
  taskId: string;
}

/** Restores `json`, signals `taskId` approved, and returns the next state as JSON and the user tasks then waiting. */
async function bpmnStep(json: string, taskId: string): Promise<{ json: string; waiting: string[] }> {
  const engine = new Engine({ name: 'open-restaurant' }).recover(JSON.parse(json));
  const execution = await engine.resume({ listener: new EventEmitter() });
  const task = execution.getPostponed().find((activity) => activity.id === taskId);
  if (!task) throw new Error(`bpmn-engine: user task '${taskId}' is not waiting`);
  task.signal({ outcome: 'approve' });
  const next = JSON.stringify(await engine.getState());
  const waiting = execution
    .getPostponed()
    .filter((activity) => activity.type === 'bpmn:UserTask')
    .map((activity) => activity.id);
  await engine.stop();
  return { json: next, waiting };
}

/** The case through bpmn-engine once: the state at every wait and the task completed there. */
async function recordBpmnMoves(source: string): Promise<BpmnMove[]> {
  const engine = new Engine({ name: 'open-restaurant', source });
  const execution = await engine.execute({ listener: new EventEmitter(), variables: data });
  let json = JSON.stringify(await engine.getState());
  let waiting = execution
    .getPostponed()
    .filter((activity) => activity.type === 'bpmn:UserTask')
    .map((activity) => activity.id);
  await engine.stop();
  const moves: BpmnMove[] = [];
  while (waiting.length > 0) {
    const taskId = waiting[0] as string;
    moves.push({ json, taskId });
    ({ json, waiting } = await bpmnStep(json, taskId));
    if (moves.length > 50) throw new Error('bpmn-engine: the case does not end within 50 steps');
  }
  return moves;
}

function tongbanPerStep(machine: ReturnType<typeof compile>['machine'], moves: readonly Move[]): number {
  const started = performance.now();
  let repeat = 0;
  do {
    for (const { json, event } of moves) JSON.stringify(step(machine, JSON.parse(json) as PersistedCaseSnapshot, event, NOW).snapshot);
    repeat += 1;
  } while (performance.now() - started < RUN_MS);
  return ((performance.now() - started) * 1000) / (repeat * moves.length);
}

async function bpmnPerStep(moves: readonly BpmnMove[]): Promise<number> {
  const started = performance.now();
  let repeat = 0;
  do {
    for (const { json, taskId } of moves) await bpmnStep(json, taskId);
    repeat += 1;
  } while (performance.now() - started < RUN_MS);
  return ((performance.now() - started) * 1000) / (repeat * moves.length);
}

const { machine } = compile(definition);
const moves = recordMoves(machine, data, NOW);
const source = await bpmnEngineSource(definition);
const bpmnMoves = await recordBpmnMoves(source);
const tongbanTasks = moves.map((m) => (m.event.type === 'task.complete' ? m.event.nodeId : '')).sort();
const bpmnTasks = bpmnMoves.map((m) => m.taskId).sort();
if (tongbanTasks.join() !== bpmnTasks.join()) {
  throw new Error(`The two engines took different paths: Tongban ${tongbanTasks.join(', ')}; bpmn-engine ${bpmnTasks.join(', ')}`);
}
const stateBytes = (jsons: readonly string[]) => summarise(jsons.map((j) => Buffer.byteLength(j)));
console.log(`open-restaurant, large restaurant: ${moves.length} user tasks completed in both engines (${bpmnTasks.join(', ')})`);
console.log(`State per wait: Tongban snapshot median ${stateBytes(moves.map((m) => m.json)).median} B; bpmn-engine state median ${stateBytes(bpmnMoves.map((m) => m.json)).median} B`);

const tongban: number[] = [];
const bpmn: number[] = [];
for (let run = -Math.min(RUNS, 3); run < RUNS; run += 1) {
  const pair = [tongbanPerStep(machine, moves), await bpmnPerStep(bpmnMoves)] as const;
  if (run < 0) continue;
  tongban.push(pair[0]);
  bpmn.push(pair[1]);
  console.log(`run ${run + 1}: Tongban ${pair[0].toFixed(1)} µs/step, bpmn-engine ${pair[1].toFixed(1)} µs/step`);
}
const figure = sink.add({
  name: 'step with JSON restore, open-restaurant',
  unit: 'µs/step',
  better: 'lower',
  samples: tongban,
  reference: { name: 'bpmn-engine 25', unit: 'µs/step', samples: bpmn },
  note: 'Tongban step ÷ bpmn-engine step on the same case path (8 user tasks), both restoring from JSON at every wait',
});
sink.add({ name: 'bpmn-engine step with JSON restore', unit: 'µs/step', better: 'lower', samples: bpmn });
sink.detail('state bytes per wait', { tongban: stateBytes(moves.map((m) => m.json)), bpmnEngine: stateBytes(bpmnMoves.map((m) => m.json)) });
sink.detail(
  'what differs in the BPMN bpmn-engine runs',
  'Outcome flows get JavaScript conditions on the signalled output (plain BPMN takes every outgoing flow of a task); FEEL gateway conditions are rewritten in JavaScript; the inclusive join becomes a parallel join (bpmn-engine passes every token of an inclusive join on); the SLA boundary timers are left out (they overflowed bpmn-engine\'s stack, and their working-day limits are no ISO duration), so bpmn-engine arms no timer while Tongban still computes its timer effects.',
);
if (figure?.reference) {
  console.log(`Tongban ${figure.median.toFixed(1)} µs/step vs bpmn-engine ${figure.reference.summary.median.toFixed(1)} µs/step: ratio ${figure.reference.ratio.median.toFixed(4)} (min ${figure.reference.ratio.min.toFixed(4)}, max ${figure.reference.ratio.max.toFixed(4)})`);
}
