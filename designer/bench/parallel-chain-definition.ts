import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@tongban/engine';

/** Department kinds the four tasks of each parallel block go to (demo organisation). */
const blockDepartments = ['market-regulation', 'fire-rescue', 'urban-management', 'health'] as const;

/** Nodes of one parallel block: split, one task per department, join. */
const nodesPerBlock = blockDepartments.length + 2;

/** Blocks laid side by side before the chain wraps to the next row. */
const blocksPerRow = 10;

/** Layout, in flow pixels: block width, row height, task pitch, and the offsets inside a block. */
const layout = { blockWidth: 360, rowHeight: 380, taskPitch: 80, taskX: 70, joinX: 290, gatewayY: 140 } as const;

/**
 * A valid definition of exactly `nodeCount` nodes: a start event, a chain of parallel blocks (a
 * split gateway, four district tasks that each approve into a join gateway) and an end event,
 * with every node placed so the chain wraps into rows of ten blocks. `nodeCount - 2` must be a
 * multiple of six (500 nodes: 83 blocks).
 *
 * @throws {RangeError} when `nodeCount` does not make whole blocks.
 */
export function parallelChainDefinition(nodeCount: number): WorkflowDefinition {
  const blocks = (nodeCount - 2) / nodesPerBlock;
  if (!Number.isInteger(blocks) || blocks < 1) {
    throw new RangeError(`A chain of parallel blocks has 2 + ${nodesPerBlock}·k nodes (k ≥ 1); ${nodeCount} is not such a count`);
  }
  const nodes: WorkflowNode[] = [{ id: 'start', type: 'startEvent', name: '申请', position: { x: -120, y: layout.gatewayY } }];
  const edges: WorkflowEdge[] = [];
  let previous = 'start';
  const connect = (source: string, target: string, outcome?: string) => {
    edges.push({ id: `e${edges.length + 1}`, source, target, ...(outcome === undefined ? {} : { outcome }) });
  };

  for (let block = 0; block < blocks; block += 1) {
    const x = (block % blocksPerRow) * layout.blockWidth;
    const y = Math.floor(block / blocksPerRow) * layout.rowHeight;
    const split = `split-${block + 1}`;
    const join = `join-${block + 1}`;
    nodes.push({ id: split, type: 'parallelGateway', name: `并联 ${block + 1}`, position: { x, y: y + layout.gatewayY } });
    connect(previous, split);
    blockDepartments.forEach((department, lane) => {
      const id = `task-${block + 1}-${lane + 1}`;
      nodes.push({
        id,
        type: 'userTask',
        name: `审查 ${block + 1}.${lane + 1}`,
        position: { x: x + layout.taskX, y: y + lane * layout.taskPitch },
        department,
        level: 'district',
        candidateRole: 'clerk',
        outcomes: [{ id: 'approve', label: '同意' }],
        form: [],
        sla: { statutory: { amount: 5, unit: 'workingDay' } },
      });
      connect(split, id);
      connect(id, join, 'approve');
    });
    nodes.push({ id: join, type: 'parallelGateway', name: `汇合 ${block + 1}`, position: { x: x + layout.joinX, y: y + layout.gatewayY } });
    previous = join;
  }

  const last = nodes[nodes.length - 1]?.position ?? { x: 0, y: 0 };
  nodes.push({ id: 'done', type: 'endEvent', name: '办结', result: 'approved', position: { x: last.x + 80, y: last.y } });
  connect(previous, 'done');

  return {
    schemaVersion: 2,
    key: `parallel-chain-${nodeCount}`,
    version: 1,
    name: `并联链 ${nodeCount} 节点`,
    description: `Benchmark: ${blocks} parallel blocks of ${blockDepartments.length} district tasks in a chain`,
    calendar: 'cn-mainland',
    nodes,
    edges,
  };
}
