/**
 * Engine benchmark (`npm run bench -w @tongban/engine`): validate + compile of a generated
 * 500-node definition, and the engine step with the snapshot restored from JSON beside a bare
 * XState `transition` with the same JSON round trip on the same compiled machine, on
 * open-restaurant and a generated 30-node definition. Targets (DESIGN.md §10): validate + compile
 * ≤ 20 ms; step ≤ 1.5 × bare transition. Also the application data check: validate + compile of
 * open-restaurant with its `dataSchema` compiled afresh, and the catastrophic pattern `^(a+)+$`
 * against a hostile input, run by RE2 (the engine's validator) beside V8's own `RegExp` on short
 * inputs (exponential: each two more `a`s take it about four times as long). Each figure is the
 * median, min and max of `--runs N` runs (default 25); printed and handed to the suite
 * (`@tongban/bench`), not asserted.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMachine, transition } from 'xstate';
import type { AnyMachineSnapshot } from 'xstate';
import { FigureSink } from '@tongban/bench';
import { compile, dataValidatorOf, implementations, parseDefinition, step, validateAndCompile } from '../src/index.ts';
import type { PersistedCaseSnapshot, WorkflowDefinition } from '../src/index.ts';
import { generateDefinition } from './generate-definition.ts';
import { recordMoves, type Move } from './record-moves.ts';
import { runsArgument } from './runs-argument.ts';

/** Measured runs per figure (`--runs N`, default 25), after as many warm-up runs (the JIT settles). */
const RUNS = runsArgument(25);
const sink = new FigureSink();
const NOW = new Date('2026-03-02T09:00:00+08:00');
/** How long one run of the step bench repeats its moves, in ms. */
const RUN_MS = 40;

interface Figure {
  median: number;
  min: number;
  max: number;
}

function figure(samples: number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] as number, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

function format({ median, min, max }: Figure, unit: string, digits = 2): string {
  return `median ${median.toFixed(digits)} ${unit} (min ${min.toFixed(digits)}, max ${max.toFixed(digits)})`;
}

function readDefinition(path: string): WorkflowDefinition {
  const { definition, diagnostics } = parseDefinition(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
  if (!definition) throw new Error(`${path} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  return definition;
}

/** Microseconds per step of one run: all `moves`, repeated for `RUN_MS`. */
function perStep(moves: Move[], apply: (move: Move) => string): number {
  const started = performance.now();
  let repeat = 0;
  do {
    for (const move of moves) apply(move);
    repeat += 1;
  } while (performance.now() - started < RUN_MS);
  return ((performance.now() - started) * 1000) / (repeat * moves.length);
}

function benchStep(name: string, definition: WorkflowDefinition, data: Record<string, unknown>): void {
  const { machine } = compile(definition);
  const moves = recordMoves(machine, data, NOW);
  const logic = createMachine(machine).provide(implementations);
  const viaEngine = ({ json, event }: Move): string => JSON.stringify(step(machine, JSON.parse(json) as PersistedCaseSnapshot, event, NOW).snapshot);
  const viaXState = ({ json, event }: Move): string => {
    const restored = logic.resolveState(JSON.parse(json) as Parameters<typeof logic.resolveState>[0]);
    const [next] = transition(logic, restored, event);
    return JSON.stringify(logic.getPersistedSnapshot(next as AnyMachineSnapshot));
  };
  const engine: number[] = [];
  const bare: number[] = [];
  for (let run = -RUNS; run < RUNS; run += 1) {
    const pair = [perStep(moves, viaEngine), perStep(moves, viaXState)] as const;
    if (run < 0) continue;
    engine.push(pair[0]);
    bare.push(pair[1]);
  }
  const ratios = engine.map((sample, index) => sample / (bare[index] as number));
  console.log(`\n${name}: ${definition.nodes.length} nodes, ${moves.length} steps per case`);
  console.log(`  engine step (JSON restore)      ${format(figure(engine), 'µs/step')}`);
  console.log(`  bare XState transition (JSON)   ${format(figure(bare), 'µs/step')}`);
  console.log(`  ratio engine / bare             ${format(figure(ratios), '×')}   target ≤ 1.5`);
  sink.add({
    name: `step, ${name}`,
    unit: 'µs/step',
    better: 'lower',
    samples: engine,
    reference: { name: 'bare XState transition', unit: 'µs/step', samples: bare },
    target: '≤ 1.5 × bare',
    note: `${moves.length} steps per case, snapshot restored from JSON and written back at every step, runs interleaved with the bare XState run`,
  });
}

function benchValidateCompile(nodeCount: number): void {
  const input = generateDefinition(nodeCount);
  const samples: number[] = [];
  for (let run = -RUNS; run < RUNS; run += 1) {
    const copy = structuredClone(input);
    const started = performance.now();
    const result = validateAndCompile(copy);
    const elapsed = performance.now() - started;
    if (result.compiled === undefined) throw new Error(`The generated definition does not compile: ${result.diagnostics[0]?.message ?? ''}`);
    if (run >= 0) samples.push(elapsed);
  }
  console.log(`validate + compile, generated definition of ${input.nodes.length} nodes: ${format(figure(samples), 'ms')}   target ≤ 20 ms`);
  sink.add({ name: `validate + compile, ${input.nodes.length} nodes`, unit: 'ms', better: 'lower', samples, target: '≤ 20 ms' });
}

/**
 * Milliseconds of `run`, median, min and max of `runs` runs after as many warm-up runs; handed to
 * the suite as figure `name` when one is given.
 */
function timed(runs: number, run: () => void, name?: string): Figure {
  const samples: number[] = [];
  for (let index = -runs; index < runs; index += 1) {
    const started = performance.now();
    run();
    if (index >= 0) samples.push(performance.now() - started);
  }
  if (name !== undefined) sink.add({ name, unit: 'ms', better: 'lower', samples });
  return figure(samples);
}

function benchDataSchema(restaurantInput: { dataSchema: Record<string, unknown> }): void {
  let edits = 0;
  const compileOnce = (input: typeof restaurantInput) => {
    if (validateAndCompile(input).compiled === undefined) throw new Error('open-restaurant does not compile');
  };
  const edited = timed(RUNS, () => {
    const input = structuredClone(restaurantInput);
    edits += 1;
    input.dataSchema.title = `${String(input.dataSchema.title)} (${edits})`;
    compileOnce(input);
  }, 'validate + compile, open-restaurant, dataSchema new each run');
  const same = timed(RUNS, () => compileOnce(structuredClone(restaurantInput)), 'validate + compile, open-restaurant, dataSchema seen before');
  console.log(`\nvalidate + compile, open-restaurant, its dataSchema new each run (Ajv compiles it): ${format(edited, 'ms')}`);
  console.log(`validate + compile, open-restaurant, its dataSchema seen before (checked once per JSON text): ${format(same, 'ms')}`);
  const pattern = '^(a+)+$';
  const validate = dataValidatorOf({ type: 'object', properties: { code: { type: 'string', pattern } } });
  for (const length of [40, 10_000, 1_000_000]) {
    const data = { code: `${'a'.repeat(length)}!` };
    const result = timed(RUNS, () => {
      if (validate(data).length !== 1) throw new Error('the hostile input was accepted');
    }, `data check ${pattern} by RE2, ${length.toLocaleString('en-US')} a's and a '!'`);
    console.log(`  ${pattern} run by RE2, ${length} a's and a '!'   ${format(result, 'ms', 3)}`);
  }
  const native = new RegExp(pattern, 'u');
  for (const length of [18, 20, 22]) {
    const text = `${'a'.repeat(length)}!`;
    console.log(`  ${pattern} run by V8 RegExp, ${length} a's and a '!'   ${format(timed(3, () => native.test(text)), 'ms')}`);
  }
}

console.log(`Tongban engine bench (Node ${process.version}; ${RUNS} runs per figure after ${RUNS} warm-up runs; step runs interleaved, ratio per pair)\n`);
benchValidateCompile(500);
const restaurant = readDefinition('../../workflows/open-restaurant/definition.json');
const largeRestaurant = JSON.parse(readFileSync(new URL('../../workflows/open-restaurant/fixtures/large-restaurant.json', import.meta.url), 'utf8')) as {
  data: Record<string, unknown>;
};
benchStep('open-restaurant (large restaurant: every branch)', restaurant, largeRestaurant.data);
benchDataSchema(JSON.parse(readFileSync(new URL('../../workflows/open-restaurant/definition.json', import.meta.url), 'utf8')) as { dataSchema: Record<string, unknown> });
const generated = parseDefinition(generateDefinition(30)).definition as WorkflowDefinition;
benchStep('generated 30-node definition', generated, { seats: 80 });
