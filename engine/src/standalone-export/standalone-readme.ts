import type { WorkflowDefinition } from '../definition/index.ts';
import { offeredOutcomes } from '../definition/index.ts';
import type { MachineConfigJson } from '../compile/machine-config.types.ts';

const reachable = (machine: MachineConfigJson): Set<string> => {
  const ids = new Set<string>();
  const walk = (states: MachineConfigJson['states'] | undefined): void => {
    for (const [key, state] of Object.entries(states ?? {})) {
      ids.add(state.id ?? key);
      walk(state.states);
    }
  };
  walk(machine.states);
  return ids;
};

/**
 * The README of a standalone module (`exportStandaloneModule`): how to create the actor with the
 * application data, the events the case takes (with this workflow's tasks and outcomes), what the
 * snapshot holds, and what the module leaves to its host.
 *
 * Pure: performs no I/O.
 */
export function standaloneReadme(definition: WorkflowDefinition, machine: MachineConfigJson, fileName: string): string {
  const inMachine = reachable(machine);
  const nodes = definition.nodes.filter((node) => inMachine.has(node.id));
  const tasks = nodes.flatMap((node) =>
    node.type === 'userTask' ? [`- \`${node.id}\` (${node.name}): outcomes ${offeredOutcomes(node).map((o) => `\`${o}\``).join(', ')}`] : [],
  );
  const waits = nodes.flatMap((node) => {
    if (node.type === 'timerEvent') return [`- \`${node.id}\` (${node.name}): a timer of ${node.duration.amount} ${node.duration.unit}; send \`timer.fired\` when it is due`];
    if (node.type === 'serviceTask') return [`- \`${node.id}\` (${node.name}): a service task; run it yourself and send \`service.succeeded\` (with \`data\`) or \`service.failed\``];
    if (node.type === 'callActivity') return [`- \`${node.id}\` (${node.name}): calls \`${node.calledElement}\`; run that case yourself and send \`subCase.completed\` with its \`result\` (and \`data\`)`];
    return [];
  });
  return [
    `# ${definition.name} (${definition.key} v${definition.version}) as an XState machine`,
    '',
    `\`${fileName}\` is an ES module that runs this workflow in plain XState v5. It imports only the packages`,
    '`xstate` (v5) and `feelin` (FEEL conditions); the guards and actions are inside it.',
    '',
    '```sh',
    'npm install xstate@5 feelin@8',
    '```',
    '',
    '## Start a case',
    '',
    '```js',
    `import { createCaseActor } from './${fileName}';`,
    '',
    "const actor = createCaseActor({ caseId: 'case-1', data: { /* the application form */ } }, {",
    '  onEffect: ({ type, params, context }) => console.log(type, params), // createTask, closeTask, completeCase, scheduleTimer …',
    '});',
    'actor.start();',
    '```',
    '',
    '`data` is the application: the fields the workflow\'s conditions read. `receivedAt` (ISO 8601, when the',
    'application was received) may be given beside it; an event may carry `at` (ISO 8601), which the case records',
    'as the start of a suspension. The module reads no clock. It also exports `machine` (the same machine, effects doing nothing:',
    '`createActor(machine, { input })` works too, but then every event must carry its ids), `config` (the',
    'machine config as JSON), `meta` and `withCaseIds`.',
    '',
    '## Events',
    '',
    'A completion needs only the node, the outcome and the data the clerk entered; the actor finds the open',
    'task of that node itself:',
    '',
    '```js',
    "actor.send({ type: 'task.complete', nodeId: 'review', outcome: 'approve', data: { opinion: 'ok' } });",
    '```',
    '',
    '- `task.complete` `{ nodeId, outcome, data?, reason?, returnTo? }`: `reason` (or the outcome\'s reason field in',
    '  `data`) is required for a rejection or a return; `returnTo` names the target of a return when a task has several.',
    '- `case.supplement` `{ data }`: the applicant supplies what a `requestSupplement` (补正) asked for; the case resumes.',
    '- `task.slaBreach` `{ nodeId, limit? }`: a limit of the open task passed (`statutory` by default, or `promised`).',
    '- `timer.fired` `{ nodeId }`: the pending timer of that node is due.',
    '- `case.suspend` `{ reason }` / `case.resume`: a period the law does not count (hearing, testing, inspection,',
    '  expertReview, appraisal).',
    '- `case.withdraw`: the applicant withdraws; the case ends with result `withdrawn`.',
    '- `task.requestExtension` `{ nodeId, amount, reason }`, `task.approveExtension` / `task.refuseExtension`',
    '  `{ nodeId, approverRole, reason? }`, `task.addSigners` `{ nodeId, items }`, `task.removeSigner` `{ nodeId, taskId? }`,',
    '  `service.succeeded` / `service.failed` / `service.retry` `{ nodeId }`, `subCase.completed` `{ nodeId, result }`.',
    '',
    'A task event without `taskId` goes to the open task of its node; at a countersign (会签) to its first open instance.',
    '',
    'An event the case cannot take now (a wrong outcome, a task that is not open, a missing reason) changes nothing.',
    '',
    'Tasks of this workflow:',
    '',
    ...tasks,
    ...(waits.length > 0 ? ['', 'Nodes that wait for you:', '', ...waits] : []),
    '',
    '## The snapshot',
    '',
    '`actor.getSnapshot()`: `value` is the active node (a parallel block: an object with one entry per branch),',
    '`status` is `done` once an end event is reached, `output` is then `{ result }`. Its `context` holds `caseId`,',
    '`data` (the application with every completion\'s `data` merged in), `tasks` (open task id by node, `review#2`',
    'for the second activation), `activations`, `decisions` (the last decision per task, with its reason), `suspension`,',
    '`timers` (pending timers by id), `extensions`, `instances` (countersign), `services`, `subCases`, `result` and',
    '`resultReason`. `actor.getPersistedSnapshot()` is plain JSON; `createCaseActor(undefined, { snapshot })` resumes it.',
    '',
    '## What the host does',
    '',
    'The module keeps no clock and does no I/O. Due dates on working days and business calendars, reminders and',
    'escalation timing, timers, service calls, sub-cases and routing tasks to departments are the host\'s: it learns',
    'what to do from `onEffect` (`createTask`, `scheduleTimer` with its `duration`, `invokeService`, `startSubCase` …)',
    'and answers with the events above.',
    '',
  ].join('\n');
}
