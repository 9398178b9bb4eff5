import type { WorkflowDefinition } from '@tongban/engine';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { migrationMessages } from '../../migration/migration.messages.ts';
import { AppLink } from '../../shell/AppLink.tsx';
import { designApi, type PublishedWorkflow } from '../design-api.ts';
import { designMessages } from '../messages.ts';
import { VersionDiffView } from './VersionDiffView.tsx';

/** Props of {@link VersionHistoryPanel}. */
export interface VersionHistoryPanelProps {
  /** The definition being edited. */
  definition: WorkflowDefinition;
  /** Its published versions, when its key has been published. */
  workflow: PublishedWorkflow | undefined;
  onOpenVersion(key: string, version: number): void;
}

/** `current` stands for the definition being edited. */
type Side = number | 'current';

/** Query key of one published version (shared with the open dialog). */
export function versionQueryKey(key: string, version: number): readonly unknown[] {
  return ['definition-version', key, version];
}

/**
 * The published versions of the definition's key, each to open, and a visual diff of any two of
 * them (or of one and the current edit).
 */
export function VersionHistoryPanel({ definition, workflow, onOpenVersion }: VersionHistoryPanelProps) {
  const t = useMessages(designMessages);
  const migration = useMessages(migrationMessages);
  const queryClient = useQueryClient();
  const versions = workflow?.versions ?? [];
  const [chosenBefore, setBefore] = useState<Side | undefined>(undefined);
  const [after, setAfter] = useState<Side>('current');
  const [compared, setCompared] = useState<{ before: WorkflowDefinition; after: WorkflowDefinition; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const details = useQuery({
    queryKey: ['definitions', workflow?.key, 'versions', workflow?.version],
    queryFn: () => designApi.listVersions(workflow?.key ?? ''),
    enabled: workflow !== undefined,
  });
  if (workflow === undefined || versions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="version-history">
        {t.history.none}
      </Typography.Text>
    );
  }
  const load = async (side: Side): Promise<WorkflowDefinition> => {
    if (side === 'current') return definition;
    const found = await queryClient.fetchQuery({
      queryKey: versionQueryKey(workflow.key, side),
      queryFn: () => designApi.getVersion(workflow.key, side),
      staleTime: Infinity,
    });
    return found.definition;
  };
  const before = chosenBefore ?? versions[1] ?? versions[0];
  const label = (side: Side) => (side === 'current' ? t.history.current : t.open.version(side));
  const options = [{ value: 'current' as Side, label: t.history.current }, ...versions.map((v) => ({ value: v as Side, label: t.open.version(v) }))];
  const compare = async () => {
    if (before === undefined) return;
    try {
      const [older, newer] = await Promise.all([load(before), load(after)]);
      setCompared({ before: older, after: newer, title: `${label(before)} → ${label(after)}` });
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };
  return (
    <Flex vertical gap={8} data-testid="version-history">
      <Typography.Text strong>{t.history.title}</Typography.Text>
      {versions.map((version) => {
        const summary = details.data?.items.find((item) => item.version === version);
        return (
          <Flex key={version} justify="space-between" align="center" className="tb-row" data-testid={`version-${version}`}>
            <Flex vertical>
              <span>
                {t.open.version(version)}
                {version === workflow.version ? ` (${t.open.latest})` : ''}
              </span>
              {summary !== undefined && (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`version-${version}-published`}>
                    {t.history.publishedBy(summary.publishedBy ?? '—', new Date(summary.publishedAt).toLocaleString())}
                  </Typography.Text>
                  <Typography.Text style={{ fontSize: 12 }} type={summary.changeNote === null ? 'secondary' : undefined} data-testid={`version-${version}-note`}>
                    {summary.changeNote ?? t.history.noNote}
                  </Typography.Text>
                </>
              )}
            </Flex>
            <Button size="small" onClick={() => onOpenVersion(workflow.key, version)} data-testid={`version-${version}-open`}>
              {t.history.openVersion}
            </Button>
          </Flex>
        );
      })}
      <Flex gap={6} align="center" wrap>
        <Select<Side> size="small" value={before} onChange={setBefore} options={options} aria-label={t.history.before} style={{ width: 110 }} data-testid="diff-before" />
        →
        <Select<Side> size="small" value={after} onChange={setAfter} options={options} aria-label={t.history.after} style={{ width: 110 }} data-testid="diff-after" />
        <Button size="small" type="primary" onClick={() => void compare()} disabled={before === undefined} data-testid="diff-compare">
          {t.history.compare}
        </Button>
      </Flex>
      {versions.length > 1 && (
        <AppLink to={`/design/migrations?key=${encodeURIComponent(workflow.key)}&from=${versions[1]}&to=${versions[0]}`} testId="migrate-cases">
          {migration.title}
        </AppLink>
      )}
      {error !== null && <Alert type="error" showIcon title={t.status.openFailed} description={error} />}
      <Modal open={compared !== null} onCancel={() => setCompared(null)} footer={null} width="80vw" title={compared?.title} destroyOnHidden>
        {compared !== null && <VersionDiffView before={compared.before} after={compared.after} />}
      </Modal>
    </Flex>
  );
}
