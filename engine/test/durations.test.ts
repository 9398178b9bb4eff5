import { describe, expect, it } from 'vitest';
import { MAX_DURATION, MAX_RETRY_DELAY_SECONDS, parseDefinition, validate } from '../src/index.ts';
import type { Diagnostic } from '../src/index.ts';
import { readFixture } from './load-fixture.ts';

type Json = Record<string, unknown> & { nodes: Record<string, unknown>[] };

/** The workflow fixture `name`, changed by `edit` before it is parsed and validated. */
function diagnose(name: string, edit: (definition: Json) => void): Diagnostic[] {
  const input = readFixture(`workflows/${name}.json`) as Json;
  edit(input);
  const { definition, diagnostics } = parseDefinition(input);
  return definition ? validate(definition) : diagnostics;
}

const uncountable = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((diagnostic) => diagnostic.code === 'duration-not-countable').map(({ nodeId, field }) => ({ nodeId, field }));

describe('durations a definition sets', () => {
  it('are accepted up to the maximum of each unit', () => {
    for (const [unit, amount] of Object.entries(MAX_DURATION)) {
      const found = diagnose('extension', (definition) => {
        const review = definition.nodes[1] as Record<string, unknown>;
        review.sla = { promised: { amount, unit }, statutory: { amount, unit } };
        review.extension = { approverRole: 'manager', cap: { amount, unit } };
        definition.promisedSla = { amount, unit };
      });
      expect(uncountable(found), unit).toEqual([]);
    }
  });

  it('are refused past the maximum, naming the promised total, both task limits and the extension cap', () => {
    const found = diagnose('extension', (definition) => {
      const review = definition.nodes[1] as Record<string, unknown>;
      review.sla = { promised: { amount: MAX_DURATION.workingHour + 1, unit: 'workingHour' }, statutory: { amount: 1_000_000, unit: 'workingDay' } };
      review.extension = { approverRole: 'manager', cap: { amount: MAX_DURATION.workingDay + 1, unit: 'workingDay' } };
      definition.promisedSla = { amount: MAX_DURATION.calendarDay + 1, unit: 'calendarDay' };
    });
    expect(uncountable(found)).toEqual([
      { nodeId: undefined, field: 'promisedSla.amount' },
      { nodeId: 'review', field: 'nodes[1].sla.promised.amount' },
      { nodeId: 'review', field: 'nodes[1].sla.statutory.amount' },
      { nodeId: 'review', field: 'nodes[1].extension.cap.amount' },
    ]);
  });

  it('are refused as fractions of a day, which the calendar counts whole', () => {
    const found = diagnose('acceptance-deadline', (definition) => {
      (definition.nodes[1] as Record<string, unknown>).acceptanceDeadline = { amount: 1.5, unit: 'workingDay' };
    });
    expect(uncountable(found)).toEqual([{ nodeId: 'intake', field: 'nodes[1].acceptanceDeadline.amount' }]);
    expect(found.find((diagnostic) => diagnostic.code === 'duration-not-countable')?.message).toBe(
      "The acceptance deadline of task 'intake' of 1.5 workingDay cannot be counted: days are counted whole; count parts of a day in workingHour or hour",
    );
  });

  it("are refused on a timer's wait", () => {
    const found = diagnose('timer-event', (definition) => {
      (definition.nodes[2] as Record<string, unknown>).duration = { amount: MAX_DURATION.hour + 1, unit: 'hour' };
    });
    expect(uncountable(found)).toEqual([{ nodeId: 'public-notice', field: 'nodes[2].duration.amount' }]);
  });

  it('bound the longest wait of a service task’s retries', () => {
    const retry = (attempts: number, type: string, delaySeconds: number) =>
      uncountable(diagnose('service-task', (definition) => Object.assign(definition.nodes[1] as object, { retry: { attempts, backoff: { type, delaySeconds } } })));
    expect(retry(1, 'fixed', MAX_RETRY_DELAY_SECONDS)).toEqual([]);
    expect(retry(25, 'exponential', MAX_RETRY_DELAY_SECONDS / 2 ** 24)).toEqual([]);
    expect(retry(25, 'exponential', 1)).toEqual([{ nodeId: 'check-licence', field: 'nodes[1].retry.backoff.delaySeconds' }]);
    expect(retry(3, 'fixed', 1e12)).toEqual([{ nodeId: 'check-licence', field: 'nodes[1].retry.backoff.delaySeconds' }]);
    expect(retry(0, 'fixed', 1e12)).toEqual([]);
  });
});
