import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  compile,
  definitionSchema,
  implementations,
  migrateDefinition,
  outcomeNeedsReason,
  parseDefinition,
  ReasonRequiredError,
  validate,
} from '../src/index.ts';
import type { CaseContext, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun, refusal } from './run-case.ts';

function atReview(): CaseRun {
  const run = new CaseRun(loadWorkflow('reasons'));
  run.start();
  run.complete('intake#1');
  return run;
}

describe('reasoned decisions', () => {
  it('should refuse a rejection without a reason, naming the outcome and the form field that can hold it', () => {
    const error = refusal(() => atReview().complete('review#1', 'reject'));
    expect(error).toBeInstanceOf(ReasonRequiredError);
    expect(error.code).toBe('reason-required');
    expect(error.message).toBe("Outcome 'reject' of task 'review' needs a reason; give it in 'reason' or in form field 'opinion'");
  });

  it('should end the case with the reason given, recorded on the decision and the result', () => {
    const run = atReview();
    expect(run.complete('review#1', 'reject', { reason: '经营场所不符合要求' })).toEqual([
      { type: 'closeTask', taskId: 'review#1', nodeId: 'review', reason: 'completed' },
      { type: 'completeCase', result: 'rejected', nodeId: 'rejected' },
    ]);
    const context = run.current.context as CaseContext;
    expect(context.decisions?.review).toEqual({ taskId: 'review#1', outcome: 'reject', reason: '经营场所不符合要求' });
    expect(context.resultReason).toBe('经营场所不符合要求');
  });

  it("should take the reason from the outcome's form field", () => {
    const run = atReview();
    run.complete('review#1', 'reject', { data: { opinion: '布局不合理' } });
    expect((run.current.context as CaseContext).resultReason).toBe('布局不合理');
  });

  it('should refuse a return without a reason, and a blank one, and send the case back with one', () => {
    expect(refusal(() => atReview().complete('review#1', 'return'))).toBeInstanceOf(ReasonRequiredError);
    expect(refusal(() => atReview().complete('review#1', 'return', { reason: '  ' }))).toBeInstanceOf(ReasonRequiredError);
    expect(atReview().complete('review#1', 'return', { reason: '材料与申请不符' })).toContainEqual({
      type: 'createTask',
      taskId: 'intake#2',
      nodeId: 'intake',
    });
  });

  it('should ask a reason for an outcome the designer marks, and for no approval', () => {
    expect(refusal(() => atReview().complete('review#1', 'rectify'))).toBeInstanceOf(ReasonRequiredError);
    expect(atReview().complete('review#1', 'approve')).toContainEqual({ type: 'completeCase', result: 'approved', nodeId: 'approved' });
  });

  it('should ignore a rejection without a reason in a plain XState actor', () => {
    const { machine } = compile(loadWorkflow('reasons'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    actor.send({ type: 'task.complete', nodeId: 'review', taskId: 'review#1', outcome: 'reject' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'task.complete', nodeId: 'review', taskId: 'review#1', outcome: 'reject', data: { opinion: '不符合' } });
    expect(actor.getSnapshot().value).toBe('rejected');
    actor.stop();
  });

  it('should report a reason field the form lacks', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/reason-field-not-in-form.json'));
    expect(validate(definition as WorkflowDefinition)).toEqual([
      {
        code: 'reason-field-not-in-form',
        severity: 'error',
        message: "Outcome 'reject' of task 'review' takes its reason from form field 'refusalReason', which the task's form does not have",
        nodeId: 'review',
        field: 'nodes[2].outcomes[1].reasonField',
      },
    ]);
  });
});

describe('schema versions', () => {
  const v1 = readFixture('workflows/sequence.json') as { schemaVersion: number };

  it('should ask reasons for reject and return from version 2 on, and in version 1 for none', () => {
    expect(outcomeNeedsReason(2, { id: 'reject' })).toBe(true);
    expect(outcomeNeedsReason(2, { id: 'return' })).toBe(true);
    expect(outcomeNeedsReason(2, { id: 'approve' })).toBe(false);
    expect(outcomeNeedsReason(1, { id: 'reject' })).toBe(false);
    expect(outcomeNeedsReason(2, { id: 'reject', reasonRequired: false })).toBe(false);
    expect(outcomeNeedsReason(1, { id: 'rectify', reasonRequired: true })).toBe(true);
  });

  it('should migrate version 1 to the current version, keeping its decisions reason-free', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
    const before = structuredClone(v1);
    const migrated = migrateDefinition(v1) as WorkflowDefinition;
    expect(v1).toEqual(before);
    expect(migrated.schemaVersion).toBe(2);
    const intake = migrated.nodes.find((node) => node.id === 'intake');
    expect(intake?.type === 'userTask' && intake.outcomes).toEqual([
      { id: 'approve', label: 'approve' },
      { id: 'reject', label: 'reject', reasonRequired: false },
    ]);
    expect(migrateDefinition(migrated)).toBe(migrated);
    expect(migrateDefinition('not a definition')).toBe('not a definition');
  });

  it('should migrate on load, so a version 1 definition rejects without a reason as it always did', () => {
    expect(parseDefinition(v1).definition?.schemaVersion).toBe(2);
    const asWritten = new CaseRun(definitionSchema.parse(v1));
    asWritten.start();
    expect(asWritten.complete('intake#1', 'reject')).toContainEqual({ type: 'completeCase', result: 'rejected', nodeId: 'rejected' });
    const loaded = new CaseRun(loadWorkflow('sequence'));
    loaded.start();
    expect(loaded.complete('intake#1', 'reject')).toContainEqual({ type: 'completeCase', result: 'rejected', nodeId: 'rejected' });
  });

  it('should refuse a schema version it does not know', () => {
    expect(parseDefinition({ ...v1, schemaVersion: 3 }).diagnostics.map((d) => [d.code, d.field])).toEqual([['invalid-schema', 'schemaVersion']]);
  });
});
