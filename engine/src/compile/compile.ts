import type { WorkflowDefinition } from '../definition/index.ts';
import { InvalidDefinitionError } from '../errors/index.ts';
import { analyzeDefinition } from '../validate/analyze-definition.ts';
import { hasErrors } from '../validate/validate.ts';
import { compileAnalysis } from './compile-analysis.ts';
import type { MachineConfigJson } from './machine-config.types.ts';

/** What `compile` returns: the machine and where it came from. */
export interface CompileResult {
  machine: MachineConfigJson;
  meta: {
    key: string;
    version: number;
    /** `ENGINE_VERSION` of the engine that compiled it. */
    engine: string;
  };
}

/**
 * Compiles a workflow definition to an XState v5 machine config as plain JSON.
 *
 * - Each reachable node becomes a state whose key and id are the node id (unreachable nodes are
 *   left out). A userTask's entry emits `createTask` and its exit `closeTask`, both with
 *   `{ nodeId }`; its outcomes are guarded `task.complete` transitions; its `slaBreach` edge is a
 *   `task.slaBreach` transition; `requestSupplement` suspends the case without leaving the task.
 * - Gateways are eventless `always` transitions: an exclusive gateway's conditions are `feel`
 *   guards in edge order, its default edge last.
 * - An inclusive split and its join compile as a parallel split does, each conditional branch
 *   starting in a transient `@when` state that enters it when its condition holds (the default
 *   branch: when none of its siblings' does) and ends it at once otherwise.
 * - A service task, a timer and a call activity are states that wait for the host's event
 *   (`service.*`, `timer.fired`, `subCase.completed`), announcing on entry what to run
 *   (`invokeService`, `scheduleTimer`, `startSubCase`) with an id new for each activation.
 * - A multi-instance userTask opens one task per instance and decides by its completion rule; SLA
 *   edges become `task.slaBreach` transitions (targetless when non-interrupting); an extension, an
 *   acceptance deadline, suspension and withdrawal are guarded transitions too, so the machine in
 *   plain XState follows the same rules the step enforces with typed errors.
 * - A parallel split and its join become a parallel state with one region per outgoing edge, each
 *   ending in a final state `@done` (an edge to the join ends the region); `onDone` goes on to the
 *   join, which passes straight to its successor. Blocks nest.
 * - A return edge targets the earlier task by id: leaving a block exits every branch; entering one
 *   marks the other branches done.
 * - End events are final states with `output: { result }`; their entry records the result and
 *   emits `completeCase`. One more final state, `@withdrawn` (`WITHDRAWN_STATE`), ends a case its
 *   applicant withdraws (`case.withdraw`, from any state).
 *
 * Throws `InvalidDefinitionError` when validation finds an error, and `MissingImplementationError`
 * when the machine would name an action or guard `implementations` lacks.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * import { createActor, createMachine } from 'xstate';
 * const { machine } = compile(definition);
 * const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c1', data: {} } });
 * ```
 */
export function compile(definition: WorkflowDefinition): CompileResult {
  const analysis = analyzeDefinition(definition);
  if (hasErrors(analysis.diagnostics)) throw new InvalidDefinitionError(definition.key, analysis.diagnostics);
  return compileAnalysis(analysis);
}

