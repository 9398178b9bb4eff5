import type { DefinitionGraph } from './definition-graph.ts';
import { forwardOutgoing, nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/** The gateway types that open a block of branches and close it again. */
export type BlockGatewayType = 'parallelGateway' | 'inclusiveGateway';

/** The container of the nodes outside every parallel block. */
export const ROOT_CONTAINER = 'root';

/**
 * One branch of a parallel block: the nodes between the split's outgoing edge `edgeId` and the join.
 * @internal
 */
export interface Region {
  /** Container id, `${splitId}:${edgeId}`. */
  id: string;
  splitId: string;
  edgeId: string;
  /** The node the split's edge leads to (the join itself for an empty branch). */
  entry: string;
}

/**
 * A parallel or inclusive split, its branches and its join.
 * @internal
 */
export interface ParallelBlock {
  /** The type of the split, and of the join that closes it. */
  kind: BlockGatewayType;
  splitId: string;
  joinId: string | undefined;
  /** The container the split and its join sit in. */
  container: string;
  regions: Region[];
}

/**
 * How the reachable nodes nest into parallel blocks.
 * @internal
 */
export interface BlockStructure {
  /** Container of every node reachable from the start (returns not followed); end events are always in the root. */
  containerOf: Map<string, string>;
  regions: Map<string, Region>;
  blocks: Map<string, ParallelBlock>;
  /** The split each join closes. */
  splitOfJoin: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * The role of a parallel or inclusive gateway, read from its degree: more than one outgoing edge
 * splits, more than one incoming edge joins, one of each passes through. Any other node passes.
 * @internal
 */
export function gatewayRole(graph: DefinitionGraph, nodeId: string): 'split' | 'join' | 'mixed' | 'pass' {
  const type = graph.nodes.get(nodeId)?.type;
  if (type !== 'parallelGateway' && type !== 'inclusiveGateway') return 'pass';
  const outgoing = forwardOutgoing(graph, nodeId).length;
  const incoming = (graph.incoming.get(nodeId) ?? []).length;
  if (outgoing > 1 && incoming > 1) return 'mixed';
  if (outgoing > 1) return 'split';
  if (incoming > 1) return 'join';
  return 'pass';
}

/**
 * Assigns every node reachable from the start to a container (the root, or one branch of one
 * parallel or inclusive block) and pairs each split with its join, reporting
 * `unbalanced-parallel-gateway` (or `unbalanced-inclusive-gateway` when an inclusive gateway is
 * involved) where blocks are not properly nested: a node reached from two containers, a join that
 * closes no split, the branches of two, or a split of the other type, a split whose branches meet
 * at no join or at several, a branch that never reaches its join. Edges from a branch to an end
 * event are allowed: they end the case.
 * @internal
 */
export function analyzeBlocks(graph: DefinitionGraph): BlockStructure {
  const containerOf = new Map<string, string>();
  const regions = new Map<string, Region>();
  const blocks = new Map<string, ParallelBlock>();
  const splitOfJoin = new Map<string, string>();
  const reachesJoin = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const kindOf = (nodeId: string): BlockGatewayType =>
    graph.nodes.get(nodeId)?.type === 'inclusiveGateway' ? 'inclusiveGateway' : 'parallelGateway';
  const word = (kind: BlockGatewayType): string => (kind === 'inclusiveGateway' ? 'inclusive' : 'parallel');
  const noun = (nodeId: string): string => (kindOf(nodeId) === 'inclusiveGateway' ? 'Inclusive' : 'Parallel');
  const report = (key: string, nodeId: string, message: string, inclusive = kindOf(nodeId) === 'inclusiveGateway'): void => {
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push({
      code: inclusive ? 'unbalanced-inclusive-gateway' : 'unbalanced-parallel-gateway',
      severity: 'error',
      message,
      nodeId,
      field: nodeField(graph, nodeId),
    });
  };
  const describe = (container: string): string => {
    const region = regions.get(container);
    if (!region) return 'from outside every parallel block';
    return `from branch '${region.edgeId}' of ${word(kindOf(region.splitId))} gateway '${region.splitId}'`;
  };

  const start = [...graph.nodes.values()].find((node) => node.type === 'startEvent');
  if (!start) return { containerOf, regions, blocks, splitOfJoin, diagnostics };
  const queue: { nodeId: string; container: string }[] = [{ nodeId: start.id, container: ROOT_CONTAINER }];

  const place = (nodeId: string, container: string): boolean => {
    const existing = containerOf.get(nodeId);
    if (existing === undefined) {
      containerOf.set(nodeId, container);
      return true;
    }
    if (existing !== container) {
      const inclusive = [existing, container].some((id) => {
        const region = regions.get(id);
        return region !== undefined && kindOf(region.splitId) === 'inclusiveGateway';
      });
      report(
        `conflict:${nodeId}`,
        nodeId,
        `Node '${nodeId}' is reached both ${describe(existing)} and ${describe(container)}; each node belongs to one branch of one ${inclusive ? 'inclusive' : 'parallel'} block`,
        inclusive,
      );
    }
    return false;
  };

  for (let head = 0; head < queue.length; head += 1) {
    const { nodeId, container } = queue[head] as { nodeId: string; container: string };
    const node = graph.nodes.get(nodeId);
    if (!node) continue;
    if (node.type === 'endEvent') {
      containerOf.set(nodeId, ROOT_CONTAINER);
      continue;
    }
    const role = gatewayRole(graph, nodeId);
    if (role === 'mixed') {
      report(
        `mixed:${nodeId}`,
        nodeId,
        `${noun(nodeId)} gateway '${nodeId}' both joins and splits; join with one gateway and split with a second one after it`,
      );
    }
    if (role === 'join') {
      const region = regions.get(container);
      if (!region) {
        report(`unsplit:${nodeId}`, nodeId, `${noun(nodeId)} gateway '${nodeId}' joins flows that no ${word(kindOf(nodeId))} gateway split`);
        if (!place(nodeId, container)) continue;
      } else {
        const block = blocks.get(region.splitId) as ParallelBlock;
        const owner = splitOfJoin.get(nodeId);
        if (owner !== undefined && owner !== block.splitId) {
          report(
            `shared-join:${nodeId}`,
            nodeId,
            `${noun(nodeId)} gateway '${nodeId}' joins the branches of both ${quoteList([owner, block.splitId])}; close each block with its own join`,
          );
          continue;
        }
        if (kindOf(nodeId) !== block.kind) {
          report(
            `kind:${nodeId}`,
            nodeId,
            `${noun(nodeId)} gateway '${nodeId}' joins the branches of ${word(block.kind)} gateway '${block.splitId}'; close a block with a gateway of the type that opened it`,
            true,
          );
          continue;
        }
        if (block.joinId !== undefined && block.joinId !== nodeId) {
          report(
            `two-joins:${block.splitId}`,
            block.splitId,
            `The branches of ${word(block.kind)} gateway '${block.splitId}' end at different joins ${quoteList([block.joinId, nodeId])}`,
          );
          continue;
        }
        block.joinId = nodeId;
        splitOfJoin.set(nodeId, block.splitId);
        reachesJoin.add(region.id);
        if (!place(nodeId, block.container)) continue;
      }
      for (const edge of forwardOutgoing(graph, nodeId)) queue.push({ nodeId: edge.target, container: containerOf.get(nodeId) as string });
      continue;
    }
    if (!place(nodeId, container)) continue;
    if (role === 'split' || role === 'mixed') {
      const block: ParallelBlock = { kind: kindOf(nodeId), splitId: nodeId, joinId: undefined, container, regions: [] };
      blocks.set(nodeId, block);
      for (const edge of forwardOutgoing(graph, nodeId)) {
        const region: Region = { id: `${nodeId}:${edge.id}`, splitId: nodeId, edgeId: edge.id, entry: edge.target };
        block.regions.push(region);
        regions.set(region.id, region);
        queue.push({ nodeId: edge.target, container: region.id });
      }
      continue;
    }
    for (const edge of forwardOutgoing(graph, nodeId)) queue.push({ nodeId: edge.target, container });
  }

  for (const block of blocks.values()) {
    if (block.joinId === undefined) {
      report(
        `no-join:${block.splitId}`,
        block.splitId,
        `The branches of ${word(block.kind)} gateway '${block.splitId}' never meet again at a joining ${word(block.kind)} gateway`,
      );
      continue;
    }
    for (const region of block.regions) {
      if (reachesJoin.has(region.id)) continue;
      report(
        `branch:${region.id}`,
        block.splitId,
        `Branch '${region.edgeId}' of ${word(block.kind)} gateway '${block.splitId}' never reaches its join '${block.joinId}'`,
      );
    }
  }
  return { containerOf, regions, blocks, splitOfJoin, diagnostics };
}

/**
 * The containers from `container` up to the root, innermost first.
 * @internal
 */
export function containerPath(structure: BlockStructure, container: string): string[] {
  const path = [container];
  let current = container;
  while (current !== ROOT_CONTAINER) {
    const region = structure.regions.get(current);
    if (!region) break;
    current = (structure.blocks.get(region.splitId) as ParallelBlock).container;
    path.push(current);
  }
  return path;
}
