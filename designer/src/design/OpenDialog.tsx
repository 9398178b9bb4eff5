import { Alert, Button, Empty, Flex, Modal, Space, Spin, Tabs, Typography } from 'antd';
import { useMessages } from '../i18n/index.ts';
import type { PublishedWorkflow } from './design-api.ts';
import { designMessages } from './messages.ts';
import type { Draft } from './model/draft-store.ts';

/** Props of {@link OpenDialog}. */
export interface OpenDialogProps {
  open: boolean;
  published: readonly PublishedWorkflow[] | undefined;
  publishedError: boolean;
  drafts: readonly Draft[];
  onOpenVersion(key: string, version: number): void;
  onOpenDraft(draft: Draft): void;
  onClose(): void;
}

/** Picks what to edit: a published version (any version of any key) or a local draft. */
export function OpenDialog({ open, published, publishedError, drafts, onOpenVersion, onOpenDraft, onClose }: OpenDialogProps) {
  const t = useMessages(designMessages);
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t.open.title} width={640} destroyOnHidden>
      <Tabs
        items={[
          {
            key: 'published',
            label: <span data-testid="open-tab-published">{t.open.published}</span>,
            children: publishedError ? (
              <Alert type="error" showIcon title={t.open.loadFailed} />
            ) : published === undefined ? (
              <Spin />
            ) : (
              <Flex vertical data-testid="open-published-list">
                {published.map((workflow) => (
                  <Flex
                    key={workflow.key}
                    justify="space-between"
                    align="center"
                    gap={12}
                    className="tb-row"
                    role="button"
                    style={{ cursor: 'pointer' }}
                    onClick={() => onOpenVersion(workflow.key, workflow.version)}
                    data-testid={`open-workflow-${workflow.key}`}
                  >
                    <Flex vertical>
                      <Typography.Text strong>{workflow.name}</Typography.Text>
                      <code>{workflow.key}</code>
                    </Flex>
                    <Space wrap>
                      {workflow.versions.map((version) => (
                        <Button
                          key={version}
                          size="small"
                          type={version === workflow.version ? 'primary' : 'default'}
                          onClick={(event) => {
                            event.stopPropagation();
                            onOpenVersion(workflow.key, version);
                          }}
                          data-testid={`open-${workflow.key}-v${version}`}
                        >
                          {t.open.version(version)}
                        </Button>
                      ))}
                    </Space>
                  </Flex>
                ))}
              </Flex>
            ),
          },
          {
            key: 'drafts',
            label: <span data-testid="open-tab-drafts">{t.open.drafts}</span>,
            children:
              drafts.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.open.noDrafts} />
              ) : (
                <Flex vertical>
                  {drafts.map((draft) => (
                    <Flex key={draft.definition.key} justify="space-between" align="center" gap={12} className="tb-row" data-testid={`open-draft-${draft.definition.key}`}>
                      <Flex vertical>
                        <Typography.Text strong>{draft.definition.name}</Typography.Text>
                        <Typography.Text type="secondary">
                          <code>{draft.definition.key}</code> · {t.open.savedAt(new Date(draft.savedAt).toLocaleString())}
                        </Typography.Text>
                      </Flex>
                      <Button size="small" onClick={() => onOpenDraft(draft)}>
                        {t.toolbar.open}
                      </Button>
                    </Flex>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Modal>
  );
}
