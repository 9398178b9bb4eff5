import { caseDeadline, compile, definitionSchema, getCalendar, taskDeadlines, type UserTask } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowFixtures } from '../src/index.ts';
import { runFixture } from './helpers/run-fixture.ts';

const sorted = (values: string[]): string[] => [...values].sort();

describe.each(workflowFixtures.map((fixture) => [`${fixture.workflow}/${fixture.id}`, fixture] as const))(
  'fixture %s run through the step',
  (_name, fixture) => {
    const definition = definitionSchema.parse(getWorkflow(fixture.workflow));
    const { machine } = compile(definition);
    const run = runFixture(machine, fixture);
    const calendar = getCalendar(definition.calendar);
    const tasks = new Map(definition.nodes.flatMap((node): [string, UserTask][] => (node.type === 'userTask' ? [[node.id, node]] : [])));

    it('ends with the expected result and no task left open', () => {
      expect(run.result).toBe(fixture.expected.result);
      expect(run.open).toEqual([]);
    });

    it('creates exactly the expected tasks', () => {
      expect(sorted(run.created)).toEqual(sorted(fixture.expected.tasks.map((task) => task.nodeId)));
    });

    it('closes exactly the expected tasks without completion, for the expected reasons', () => {
      const key = (task: { nodeId: string; reason: string }): string => `${task.nodeId}:${task.reason}`;
      expect(sorted(run.closed.map(key))).toEqual(sorted((fixture.expected.closed ?? []).map(key)));
    });

    it('keeps the results departments recorded in the case data', () => {
      expect(run.data).toMatchObject(fixture.expected.data ?? {});
    });

    it.runIf(fixture.expected.dueDates !== undefined)('gives its tasks the expected due dates on the real calendar', () => {
      for (const expected of fixture.expected.dueDates ?? []) {
        const taskId = `${expected.nodeId}#${expected.activation ?? 1}`;
        const created = run.createdAt.get(taskId);
        const sla = tasks.get(expected.nodeId)?.sla;
        expect(created, taskId).toBeDefined();
        expect(sla, expected.nodeId).toBeDefined();
        if (created === undefined || sla === undefined) continue;
        const deadlines = taskDeadlines(calendar, sla, created);
        expect({ promised: deadlines.atRisk?.dueDate, statutory: deadlines.breach?.dueDate }, taskId).toEqual({
          promised: expected.promised,
          statutory: expected.statutory,
        });
      }
    });

    it.runIf(fixture.expected.casePromisedDate !== undefined)('promises the case by the expected date on the real calendar', () => {
      expect(definition.promisedSla).toBeDefined();
      if (definition.promisedSla === undefined) return;
      expect(caseDeadline(calendar, definition.promisedSla, run.filedAt).dueDate).toBe(fixture.expected.casePromisedDate);
    });
  },
);
