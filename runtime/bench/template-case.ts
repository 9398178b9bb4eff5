import { workflowFixtures } from '@tongban/workflows';
import type { Runtime } from '../src/runtime.ts';

/**
 * Files one `open-restaurant` case (fixture large-restaurant) through the runtime, as the citizen
 * portal would: the case the bulk loaders copy. Returns its id and its open intake task's id.
 */
export async function fileTemplateCase(runtime: Runtime): Promise<{ caseId: string; intakeTaskId: string }> {
  const application = workflowFixtures.find((f) => f.id === 'large-restaurant');
  if (!application) throw new Error('The open-restaurant fixture large-restaurant is missing');
  const { case: filed } = await runtime.createCase({
    definitionKey: 'open-restaurant',
    jurisdiction: application.jurisdiction,
    applicant: application.applicant,
    data: application.data,
    actor: { kind: 'apiKey', apiKeyId: 'bench', roles: [] },
  });
  const [task] = await runtime.db.query.tasks.findMany({ where: (t, { and, eq }) => and(eq(t.caseId, filed.id), eq(t.nodeId, 'intake')) });
  if (!task) throw new Error(`Case '${filed.id}' has no intake task`);
  return { caseId: filed.id, intakeTaskId: task.id };
}

/** The intake data the large-restaurant fixture completes its intake with. */
export function intakeCompletion(): { outcome: string; data: Record<string, unknown> } {
  const application = workflowFixtures.find((f) => f.id === 'large-restaurant');
  const intake = application?.script[0];
  if (intake?.action !== 'complete') throw new Error('The fixture large-restaurant does not start with the intake');
  return { outcome: intake.outcome, data: intake.data ?? {} };
}
