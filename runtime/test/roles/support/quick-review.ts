import { readFile } from 'node:fs/promises';
import { fileCase, openTaskAt } from '../../http/support/case-helpers.ts';
import type { HttpTestClient } from '../../http/support/http-test-client.ts';

/** The intake API key every role of these tests accepts. */
export const PORTAL_KEY = 'roles-portal-key';

/** Publishes `fixtures/quick-review.json` through `client` as the demo designer. */
export async function publishQuickReview(client: HttpTestClient): Promise<void> {
  const definition = JSON.parse(await readFile(new URL('../fixtures/quick-review.json', import.meta.url), 'utf8'));
  const designer = await client.login('designer');
  const published = await client.send('POST', '/api/v1/definitions', definition, { token: designer });
  if (published.status !== 201) throw new Error(`quick-review was not published: ${published.status} ${published.text}`);
}

/**
 * Files a `quick-review` case through `filer` (portal key) and completes its intake through
 * `completer` as `huangpu.intake`: the review task then runs against its 3.6 s statutory limit.
 * Returns the case and the review task.
 */
export async function caseUnderReview(filer: HttpTestClient, completer: HttpTestClient): Promise<{ caseId: string; reviewTaskId: string }> {
  const filed = await fileCase(filer, { apiKey: PORTAL_KEY }, {
    definitionKey: 'quick-review',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '李四', phone: '13900000000' },
    data: {},
  });
  if (filed.status !== 201) throw new Error(`The case was not filed: ${filed.status} ${filed.text}`);
  const clerk = await completer.login('huangpu.intake');
  const intake = await openTaskAt(completer, clerk, filed.body.id, 'intake');
  const completed = await completer.send('POST', `/api/v1/tasks/${intake.id}/complete`, { outcome: 'approve', data: {} }, { token: clerk });
  if (completed.status !== 200) throw new Error(`The intake was not completed: ${completed.status} ${completed.text}`);
  const review = await openTaskAt(completer, clerk, filed.body.id, 'review');
  return { caseId: filed.body.id, reviewTaskId: review.id };
}
