import { and, desc, eq } from 'drizzle-orm';
import { compile, ENGINE_VERSION, exportStandaloneModule, parseDefinition, validate } from '@tongban/engine';
import type { Diagnostic, StandaloneExport, WorkflowDefinition } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { Db } from '../db/client.ts';
import { workflowDefinitions, type WorkflowDefinitionRow } from '../db/schema/index.ts';
import { DefinitionInvalidError, InvalidInputError, NotFoundError } from '../errors/index.ts';
import { VersionConflictError } from './version-conflict.error.ts';

/** Summary of a published version. */
export interface DefinitionVersionSummary {
  key: string;
  version: number;
  name: string;
  publishedAt: Date;
  publishedBy: string | null;
  /** What the designer said changed; `null` when nothing was said. */
  changeNote: string | null;
}

/** A published version with its definition and compiled machine. */
export interface DefinitionVersionDetail extends DefinitionVersionSummary {
  definition: WorkflowDefinition;
  machine: Record<string, unknown>;
}

/** A published version, and the warnings it was published with. */
export interface PublishedVersion extends DefinitionVersionSummary {
  diagnostics: Diagnostic[];
}

/**
 * The JSON XState export of one version (DESIGN.md §3): the machine config with its guards and
 * actions named, which runs with `createMachine(machine).provide(implementations)` from
 * `@tongban/engine`.
 */
export interface XstateExport {
  machine: Record<string, unknown>;
  meta: { key: string; version: number; engine: string };
}

/** One workflow key with its latest version and every version number, newest first. */
export interface DefinitionListItem extends DefinitionVersionSummary {
  versions: number[];
}

/**
 * Validates a definition as the designer sends it: schema first, then the graph rules.
 * Never throws on user input.
 */
export function validateDefinitionInput(input: unknown): { diagnostics: Diagnostic[] } {
  const parsed = parseDefinition(input);
  if (!parsed.definition) return { diagnostics: parsed.diagnostics };
  return { diagnostics: validate(parsed.definition) };
}

/** Options of {@link publishDefinition}. */
export interface PublishOptions {
  publishedBy: string | null;
  now: Date;
  calendars?: CalendarBook;
  /**
   * The version the drawing started from: `null` for a drawing of a new key. When given (the API
   * always gives it), the publish succeeds only while that is still the latest version of the key;
   * omitted, the definition becomes the next version unconditionally (the seed and tests).
   */
  baseVersion?: number | null;
  /** What changed, in the designer's words. */
  changeNote?: string | null;
}

/**
 * Publishes `input` as the next version of its key (the version in the input is replaced by the
 * next free number; published versions are immutable). Stores the definition and its compiled
 * machine as jsonb objects.
 *
 * @throws DefinitionInvalidError when validation reports an error; `details.diagnostics` lists all.
 * @throws VersionConflictError `version-conflict` when `baseVersion` is given and is not the latest.
 */
export async function publishDefinition(db: Db, input: unknown, options: PublishOptions): Promise<PublishedVersion> {
  const parsed = parseDefinition(input);
  const diagnostics = parsed.definition ? validate(parsed.definition) : parsed.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.definition || errors.length > 0) {
    const key = typeof (input as { key?: unknown } | null)?.key === 'string' ? (input as { key: string }).key : '?';
    throw new DefinitionInvalidError(
      `Workflow '${key}' cannot be published: ${errors.length} error(s), first: ${errors[0]?.message ?? 'invalid'}`,
      diagnostics,
    );
  }
  const source = parsed.definition;
  if (options.calendars && !options.calendars.has(source.calendar)) {
    throw new InvalidInputError(
      'calendar-not-found',
      `Workflow '${source.key}' names calendar '${source.calendar}', which is not defined; known calendars: ${options.calendars.keys().join(', ')}`,
      { field: 'calendar', reason: 'not-found' },
    );
  }
  for (let attempt = 0; ; attempt += 1) {
    const latest = await latestSummary(db, source.key);
    if (options.baseVersion !== undefined && (latest?.version ?? null) !== options.baseVersion) {
      throw new VersionConflictError(source.key, options.baseVersion, latest);
    }
    const version = (latest?.version ?? 0) + 1;
    const definition: WorkflowDefinition = { ...source, version };
    const { machine } = compile(definition);
    const inserted = await db
      .insert(workflowDefinitions)
      .values({
        key: definition.key,
        version,
        name: definition.name,
        definition: definition as unknown as Record<string, unknown>,
        machine: machine as unknown as Record<string, unknown>,
        publishedAt: options.now,
        publishedBy: options.publishedBy,
        changeNote: options.changeNote ?? null,
      })
      .onConflictDoNothing()
      .returning();
    const row = inserted[0];
    if (row) return { ...summaryOf(row), diagnostics };
    if (attempt >= 5) throw new Error(`Workflow '${definition.key}': version ${version} was taken by concurrent publishes`);
  }
}

async function latestSummary(db: Db, key: string): Promise<DefinitionVersionSummary | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.key, key))
    .orderBy(desc(workflowDefinitions.version))
    .limit(1);
  return row;
}

/**
 * Every published version of `key`, newest first, with who published it, when and why.
 * @throws NotFoundError `definition-not-found` when the key has no version.
 */
export async function listDefinitionVersions(db: Db, key: string): Promise<DefinitionVersionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.key, key))
    .orderBy(desc(workflowDefinitions.version));
  if (rows.length === 0) throw new NotFoundError('definition-not-found', `Workflow '${key}' has no published version`, { key });
  return rows;
}

const summaryColumns = {
  key: workflowDefinitions.key,
  version: workflowDefinitions.version,
  name: workflowDefinitions.name,
  publishedAt: workflowDefinitions.publishedAt,
  publishedBy: workflowDefinitions.publishedBy,
  changeNote: workflowDefinitions.changeNote,
};

/** Every workflow key with its latest version, sorted by key. */
export async function listDefinitions(db: Db): Promise<DefinitionListItem[]> {
  const rows = await db
    .select(summaryColumns)
    .from(workflowDefinitions)
    .orderBy(workflowDefinitions.key, desc(workflowDefinitions.version));
  const items = new Map<string, DefinitionListItem>();
  for (const row of rows) {
    const item = items.get(row.key);
    if (item) item.versions.push(row.version);
    else items.set(row.key, { ...row, versions: [row.version] });
  }
  return [...items.values()];
}

/**
 * Version `version` of workflow `key` (the latest when `version` is `'latest'`), with its machine.
 * @throws NotFoundError `definition-not-found`.
 */
export async function getDefinitionVersion(
  db: Db,
  key: string,
  version: number | 'latest',
): Promise<DefinitionVersionDetail> {
  const where =
    version === 'latest'
      ? eq(workflowDefinitions.key, key)
      : and(eq(workflowDefinitions.key, key), eq(workflowDefinitions.version, version));
  const [row] = await db
    .select()
    .from(workflowDefinitions)
    .where(where)
    .orderBy(desc(workflowDefinitions.version))
    .limit(1);
  if (!row) {
    const which = version === 'latest' ? 'no published version' : `no published version ${version}`;
    throw new NotFoundError('definition-not-found', `Workflow '${key}' has ${which}`, { key, version });
  }
  return {
    ...summaryOf(row),
    definition: row.definition as unknown as WorkflowDefinition,
    machine: row.machine,
  };
}

/**
 * The XState export of a version: `createMachine(machine).provide(implementations)` runs it, with
 * the guards and actions of `@tongban/engine` (the config names them).
 * @throws NotFoundError `definition-not-found`.
 */
export async function getXstateExport(db: Db, key: string, version: number | 'latest'): Promise<XstateExport> {
  const detail = await getDefinitionVersion(db, key, version);
  return { machine: detail.machine, meta: { key: detail.key, version: detail.version, engine: ENGINE_VERSION } };
}

/** One version as a standalone ES module that needs only `xstate` and `feelin`, with its README. */
export async function getStandaloneExport(db: Db, key: string, version: number | 'latest'): Promise<StandaloneExport> {
  const detail = await getDefinitionVersion(db, key, version);
  return exportStandaloneModule(detail.definition);
}

function summaryOf(row: WorkflowDefinitionRow): DefinitionVersionSummary {
  return {
    key: row.key,
    version: row.version,
    name: row.name,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    changeNote: row.changeNote,
  };
}
