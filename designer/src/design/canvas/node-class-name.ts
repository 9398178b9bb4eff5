import type { NodeDecoration } from '../model/flow-types.ts';

/** CSS classes of a node's shape for its decoration and selection. */
export function nodeClassName(base: string, decoration: NodeDecoration, selected: boolean): string {
  const classes = [base];
  if (selected) classes.push('tb-selected');
  if (decoration.active === true) classes.push('tb-active');
  if (decoration.diff !== undefined) classes.push(`tb-diff-${decoration.diff}`);
  if (decoration.problem !== undefined) classes.push(`tb-has-${decoration.problem.severity}`);
  return classes.join(' ');
}
