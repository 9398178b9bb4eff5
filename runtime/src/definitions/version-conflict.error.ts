import { ConflictError } from '../errors/index.ts';
import type { DefinitionVersionSummary } from './definitions.service.ts';

/**
 * A publish whose drawing did not start from the latest version of its key: another designer
 * published meanwhile, or a new drawing reuses a key that exists. Code `version-conflict`;
 * `details` name the latest version, who published it and when.
 */
export class VersionConflictError extends ConflictError {
  constructor(key: string, baseVersion: number | null, latest: DefinitionVersionSummary | undefined) {
    const said = baseVersion === null ? 'as a new workflow' : `on top of version ${baseVersion}`;
    const message =
      latest === undefined
        ? `Workflow '${key}' has no published version; publish it with baseVersion null, not ${baseVersion}`
        : `Workflow '${key}' was published ${said}, but its latest version is ${latest.version}` +
          ` (published ${latest.publishedAt.toISOString()}${latest.publishedBy === null ? '' : ` by ${latest.publishedBy}`});` +
          ` open version ${latest.version}, redo the change there, or publish again with baseVersion ${latest.version} to replace it`;
    super('version-conflict', message, {
      field: 'baseVersion',
      key,
      baseVersion,
      latestVersion: latest?.version ?? null,
      latestPublishedAt: latest?.publishedAt.toISOString() ?? null,
      latestPublishedBy: latest?.publishedBy ?? null,
    });
  }
}
