import { checkDataSchema } from '../data-schema/check-data-schema.ts';
import type { WorkflowDefinition } from '../definition/index.ts';
import type { BlockStructure } from './analyze-blocks.ts';
import { analyzeBlocks } from './analyze-blocks.ts';
import { checkAcceptanceDeadlines } from './check-acceptance-deadlines.ts';
import { checkActivities } from './check-activities.ts';
import { checkConditions } from './check-conditions.ts';
import { checkDurations } from './check-durations.ts';
import { checkEdgeEnds } from './check-edge-ends.ts';
import { checkEvents } from './check-events.ts';
import { checkGatewayCycles } from './check-gateway-cycles.ts';
import { checkIds } from './check-ids.ts';
import { checkReachability } from './check-reachability.ts';
import { checkReturns } from './check-returns.ts';
import { checkUserTasks } from './check-user-tasks.ts';
import type { DefinitionGraph } from './definition-graph.ts';
import { buildGraph } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * Everything validation learns about a definition; the compiler builds on the same analysis.
 * @internal
 */
export interface DefinitionAnalysis {
  graph: DefinitionGraph;
  structure: BlockStructure;
  diagnostics: Diagnostic[];
}

/**
 * Runs every check over `definition`.
 * @internal
 */
export function analyzeDefinition(definition: WorkflowDefinition): DefinitionAnalysis {
  const graph = buildGraph(definition);
  const structure = analyzeBlocks(graph);
  const found = [
    ...(definition.dataSchema === undefined ? [] : checkDataSchema(definition.dataSchema)),
    ...checkDurations(graph),
    ...checkIds(graph),
    ...checkEdgeEnds(graph),
    ...checkEvents(graph),
    ...checkReachability(graph),
    ...checkUserTasks(graph),
    ...checkAcceptanceDeadlines(graph),
    ...checkActivities(graph),
    ...checkConditions(graph),
    ...checkGatewayCycles(graph),
    ...structure.diagnostics,
    ...checkReturns(graph, structure),
  ];
  const diagnostics = found.map((diagnostic) => {
    const clean = { ...diagnostic };
    if (clean.nodeId === undefined) delete clean.nodeId;
    if (clean.edgeId === undefined) delete clean.edgeId;
    if (clean.field === undefined) delete clean.field;
    return clean;
  });
  return { graph, structure, diagnostics };
}
