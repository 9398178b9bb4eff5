import type { HttpHarness } from './http-harness.ts';
import { randomUUID } from 'node:crypto';
import type { HttpTestClient, TestRequestOptions, TestResponse } from './http-test-client.ts';

/** An application for `http-permit` filed in 南京东路街道 (黄浦区). */
export function permitApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    definitionKey: 'http-permit',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '张三', phone: '13800000000' },
    data: { shopName: '南京东路小吃店' },
    ...overrides,
  };
}

/** Files `body` through `POST /cases` with a fresh (or the given) idempotency key. */
export function fileCase(
  client: HttpTestClient,
  options: TestRequestOptions,
  body: Record<string, unknown> = permitApplication(),
  idempotencyKey: string = randomUUID(),
): Promise<TestResponse> {
  return client.send('POST', '/api/v1/cases', body, {
    ...options,
    headers: { ...options.headers, 'Idempotency-Key': idempotencyKey },
  });
}

/** The open task of case `caseId` at node `nodeId`, read from the case detail as `token`'s user. */
export async function openTaskAt(client: HttpTestClient, token: string, caseId: string, nodeId: string): Promise<{ id: string }> {
  const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token });
  const task = (detail.body.tasks as { id: string; nodeId: string; status: string }[] | undefined)?.find(
    (t) => t.nodeId === nodeId && (t.status === 'open' || t.status === 'claimed'),
  );
  if (!task) throw new Error(`Case '${caseId}' has no open task at '${nodeId}': ${detail.text}`);
  return task;
}

/**
 * Publishes the `http-permit` fixture and `extension-permit`, the same process whose review offers
 * an extension of up to 5 working days approved by a manager.
 */
export async function publishPermitWorkflows(harness: HttpHarness): Promise<void> {
  const permit = await harness.fixture('http-permit');
  await harness.runtime.publishDefinition(permit, { publishedBy: null });
  const nodes = (permit.nodes as Record<string, unknown>[]).map((node) =>
    node.id === 'review' ? { ...node, extension: { approverRole: 'manager', cap: { amount: 5, unit: 'workingDay' } } } : node,
  );
  await harness.runtime.publishDefinition({ ...permit, key: 'extension-permit', nodes }, { publishedBy: null });
}
