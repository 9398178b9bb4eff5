import { Alert, Button, Empty, List, Modal, Space, Tabs, Typography } from 'antd';
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
            ) : (
              <List
                loading={published === undefined}
                dataSource={published ?? []}
                data-testid="open-published-list"
                renderItem={(workflow) => (
                  <List.Item data-testid={`open-workflow-${workflow.key}`}>
                    <List.Item.Meta title={workflow.name} description={<code>{workflow.key}</code>} />
                    <Space wrap>
                      {workflow.versions.map((version) => (
                        <Button
                          key={version}
                          size="small"
                          type={version === workflow.version ? 'primary' : 'default'}
                          onClick={() => onOpenVersion(workflow.key, version)}
                          data-testid={`open-${workflow.key}-v${version}`}
                        >
                          {t.open.version(version)}
                        </Button>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'drafts',
            label: <span data-testid="open-tab-drafts">{t.open.drafts}</span>,
            children:
              drafts.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.open.noDrafts} />
              ) : (
                <List
                  dataSource={[...drafts]}
                  renderItem={(draft) => (
                    <List.Item
                      data-testid={`open-draft-${draft.definition.key}`}
                      actions={[
                        <Button key="open" size="small" onClick={() => onOpenDraft(draft)}>
                          {t.toolbar.open}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={draft.definition.name}
                        description={
                          <Typography.Text type="secondary">
                            <code>{draft.definition.key}</code> · {t.open.savedAt(new Date(draft.savedAt).toLocaleString())}
                          </Typography.Text>
                        }
                      />
                    </List.Item>
                  )}
                />
              ),
          },
        ]}
      />
    </Modal>
  );
}
