import { isDeepStrictEqual } from 'node:util';
import { desc, eq } from 'drizzle-orm';
import { parseDefinition } from '@tongban/engine';
import { workflowDefinitions as shippedWorkflows } from '@tongban/workflows';
import type { Db } from '../db/client.ts';
import { workflowDefinitions } from '../db/schema/index.ts';
import { publishDefinition } from '../definitions/definitions.service.ts';

/** What {@link seedWorkflows} did: the versions it published and how many keys were already current. */
export interface WorkflowSeedResult {
  /** `key@version` of each version published by this pass. */
  published: string[];
  unchanged: number;
}

/** The JSON a definition becomes once stored (undefined fields dropped), for comparison. */
function asStored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Publishes every definition of `@tongban/workflows` through `publishDefinition`, skipping a key
 * whose latest published version has the same definition (so re-running publishes nothing, and a
 * changed definition becomes the next version). Published by `seed` at `now`.
 * @throws DefinitionInvalidError when a shipped definition does not validate.
 */
export async function seedWorkflows(db: Db, options: { now: Date }): Promise<WorkflowSeedResult> {
  const result: WorkflowSeedResult = { published: [], unchanged: 0 };
  for (const input of shippedWorkflows) {
    const [latest] = await db
      .select({ version: workflowDefinitions.version, definition: workflowDefinitions.definition })
      .from(workflowDefinitions)
      .where(eq(workflowDefinitions.key, input.key))
      .orderBy(desc(workflowDefinitions.version))
      .limit(1);
    const parsed = parseDefinition(input).definition;
    if (latest !== undefined && parsed !== undefined && isDeepStrictEqual(asStored({ ...parsed, version: latest.version }), asStored(latest.definition))) {
      result.unchanged += 1;
      continue;
    }
    const published = await publishDefinition(db, input, { publishedBy: 'seed', now: options.now });
    result.published.push(`${published.key}@${published.version}`);
  }
  return result;
}
