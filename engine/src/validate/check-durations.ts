import { durationProblem } from '../calendar/countable-range.ts';
import type { Duration, WorkflowNode } from '../definition/index.ts';
import type { DefinitionGraph } from './definition-graph.ts';
import { nodeField } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * The longest wait before one retry of a service task: a day. An exponential backoff doubles the
 * first wait for each attempt, so its last wait is `delaySeconds × 2^(attempts − 1)`.
 */
export const MAX_RETRY_DELAY_SECONDS = 86_400;

/**
 * `duration-not-countable`: every amount of time a definition sets is one the calendar counts
 * (`durationProblem`, `MAX_DURATION`): the case's promised total, each task's promised and
 * statutory limits, its acceptance deadline and extension cap, each timer's duration; and a service
 * task's retries wait at most `MAX_RETRY_DELAY_SECONDS` each.
 * @internal
 */
export function checkDurations(graph: DefinitionGraph): Diagnostic[] {
  const { definition } = graph;
  const diagnostics: Diagnostic[] = [];
  const check = (duration: Duration | undefined, what: string, field: string | undefined, nodeId?: string): void => {
    if (duration === undefined) return;
    const problem = durationProblem(duration);
    if (problem === undefined) return;
    diagnostics.push({
      code: 'duration-not-countable',
      severity: 'error',
      message: `${what} of ${duration.amount} ${duration.unit} cannot be counted: ${problem}`,
      ...(nodeId === undefined ? {} : { nodeId }),
      ...(field === undefined ? {} : { field }),
    });
  };
  check(definition.promisedSla, `The promised total of workflow '${definition.key}'`, 'promisedSla.amount');
  for (const node of graph.nodes.values()) {
    const field = (property: string): string | undefined => nodeField(graph, node.id, property);
    switch (node.type) {
      case 'userTask':
        check(node.sla?.promised, `The promised limit of task '${node.id}'`, field('sla.promised.amount'), node.id);
        check(node.sla?.statutory, `The statutory limit of task '${node.id}'`, field('sla.statutory.amount'), node.id);
        check(node.acceptanceDeadline, `The acceptance deadline of task '${node.id}'`, field('acceptanceDeadline.amount'), node.id);
        check(node.extension?.cap, `The extension cap of task '${node.id}'`, field('extension.cap.amount'), node.id);
        break;
      case 'timerEvent':
        check(node.duration, `The wait of timer '${node.id}'`, field('duration.amount'), node.id);
        break;
      case 'serviceTask':
        diagnostics.push(...checkRetry(node, field('retry.backoff.delaySeconds')));
        break;
      default:
        break;
    }
  }
  return diagnostics;
}

function checkRetry(node: Extract<WorkflowNode, { type: 'serviceTask' }>, field: string | undefined): Diagnostic[] {
  const { retry } = node;
  if (retry === undefined || retry.attempts === 0) return [];
  const { delaySeconds, type } = retry.backoff;
  const longest = type === 'exponential' ? delaySeconds * 2 ** (retry.attempts - 1) : delaySeconds;
  if (longest <= MAX_RETRY_DELAY_SECONDS) return [];
  return [
    {
      code: 'duration-not-countable',
      severity: 'error',
      message: `Service task '${node.id}' would wait ${longest} seconds before its last retry (${type} backoff from ${delaySeconds} s, ${retry.attempts} attempts); a retry waits at most ${MAX_RETRY_DELAY_SECONDS} seconds`,
      nodeId: node.id,
      ...(field === undefined ? {} : { field }),
    },
  ];
}

