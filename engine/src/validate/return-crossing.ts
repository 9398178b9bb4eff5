import type { BlockStructure, Region } from './analyze-blocks.ts';
import { containerPath } from './analyze-blocks.ts';

/**
 * Which parallel blocks a return from a task in `sourceContainer` to a task in `targetContainer`
 * leaves and enters.
 * @internal
 */
export interface ReturnCrossing {
  /** Splits whose blocks the return leaves (their open tasks close as `returned`), innermost first. */
  left: string[];
  /** Branches the return enters, innermost first; the other branches of each entered block count as done. */
  entered: Region[];
  /** The two tasks sit in different branches of one block: no return can join them. */
  acrossBranches: boolean;
}

/**
 * Computes the crossing of a return between two containers.
 * @internal
 */
export function returnCrossing(structure: BlockStructure, sourceContainer: string, targetContainer: string): ReturnCrossing {
  const sourcePath = containerPath(structure, sourceContainer);
  const targetPath = containerPath(structure, targetContainer);
  const common = sourcePath.find((container) => targetPath.includes(container)) as string;
  const sourceBelow = sourcePath.slice(0, sourcePath.indexOf(common));
  const targetBelow = targetPath.slice(0, targetPath.indexOf(common));
  const regionOf = (id: string): Region => structure.regions.get(id) as Region;
  const sourceTop = sourceBelow[sourceBelow.length - 1];
  const targetTop = targetBelow[targetBelow.length - 1];
  const acrossBranches =
    sourceTop !== undefined && targetTop !== undefined && regionOf(sourceTop).splitId === regionOf(targetTop).splitId;
  return {
    left: sourceBelow.map((id) => regionOf(id).splitId),
    entered: targetBelow.map(regionOf),
    acrossBranches,
  };
}
