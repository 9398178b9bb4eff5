import { and, eq, max } from 'drizzle-orm';
import type { WorkflowDefinition } from '@tongban/engine';
import type { Db } from '../db/client.ts';
import type { Tx } from '../cases/transaction.ts';
import { workflowDefinitions } from '../db/schema/index.ts';
import { NotFoundError } from '../errors/index.ts';

/** One published definition version as execution uses it: the definition and its compiled machine. */
export interface PublishedDefinition {
  key: string;
  version: number;
  name: string;
  definition: WorkflowDefinition;
  machine: Record<string, unknown>;
}

/**
 * Reads published definition versions, caching them: a published version never changes, so a
 * cached entry goes stale only when the database is rewritten under it (a restore, an operator's
 * SQL), which the runtime hears of and answers with {@link DefinitionStore.forget}.
 */
export class DefinitionStore {
  private readonly cache = new Map<string, PublishedDefinition>();

  constructor(private readonly db: Db) {}

  /**
   * The latest published version of definition `key`, read through `connection`.
   * @throws NotFoundError `definition-not-found`.
   */
  async latest(key: string, connection: Db | Tx = this.db): Promise<PublishedDefinition> {
    const [row] = await connection
      .select({ version: max(workflowDefinitions.version) })
      .from(workflowDefinitions)
      .where(eq(workflowDefinitions.key, key));
    if (row?.version === null || row?.version === undefined) {
      throw new NotFoundError('definition-not-found', `Workflow '${key}' has no published version`, { key });
    }
    return this.get(key, row.version, connection);
  }

  /**
   * Definition `key` at `version`, read through `connection` (pass the transaction when inside one,
   * pitfalls B32).
   * @throws NotFoundError `definition-not-found`.
   */
  async get(key: string, version: number, connection: Db | Tx = this.db): Promise<PublishedDefinition> {
    const cached = this.cache.get(`${key}@${version}`);
    if (cached) return cached;
    const [row] = await connection
      .select()
      .from(workflowDefinitions)
      .where(and(eq(workflowDefinitions.key, key), eq(workflowDefinitions.version, version)));
    if (!row) {
      throw new NotFoundError('definition-not-found', `Workflow '${key}' has no published version ${version}`, {
        key,
        version,
      });
    }
    const entry: PublishedDefinition = {
      key: row.key,
      version: row.version,
      name: row.name,
      definition: row.definition as unknown as WorkflowDefinition,
      machine: row.machine,
    };
    this.cache.set(`${key}@${version}`, entry);
    return entry;
  }

  /** Drops every cached version: the next read of each comes from the database. */
  forget(): void {
    this.cache.clear();
  }
}
