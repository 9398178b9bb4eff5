import { Alert, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/index.ts';
import type { PublishedWorkflow } from './design-api.ts';
import { designMessages } from './messages.ts';

/** Props of {@link PublishDialog}. */
export interface PublishDialogProps {
  open: boolean;
  /** The key being published. */
  workflowKey: string;
  /** The version the drawing was opened from, when it was opened from this key. */
  baseVersion: number | null;
  /** The latest published version of the key, when it has one. */
  latest: Pick<PublishedWorkflow, 'version' | 'publishedAt' | 'publishedBy'> | undefined;
  /** The server's refusal of the last attempt, already in words. */
  refusal: string | null;
  publishing: boolean;
  onPublish(meta: { baseVersion: number | null; changeNote: string }): void;
  onCancel(): void;
}

/**
 * Asks for a change note before a publish and says on top of which version it lands. A drawing
 * that did not start from the key's latest version (a new drawing under a key in use, or a stale
 * one) is published only by the explicit "replace" button, which names the version it replaces.
 */
export function PublishDialog({ open, workflowKey, baseVersion, latest, refusal, publishing, onPublish, onCancel }: PublishDialogProps) {
  const t = useMessages(designMessages);
  const [note, setNote] = useState('');
  const stale = latest !== undefined && latest.version !== baseVersion;
  const publishedAt = latest === undefined ? '' : new Date(latest.publishedAt).toLocaleString();
  return (
    <Modal
      open={open}
      title={t.status.publishTitle(workflowKey)}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel} data-testid="publish-cancel">
            {t.status.cancel}
          </Button>
          <Button
            type="primary"
            danger={stale}
            loading={publishing}
            data-testid="publish-confirm"
            onClick={() => onPublish({ baseVersion: latest?.version ?? null, changeNote: note.trim() })}
          >
            {stale ? t.status.publishReplace(latest.version) : t.status.publishConfirm}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12} data-testid="publish-dialog">
        {refusal !== null && <Alert type="error" showIcon title={refusal} data-testid="publish-refusal" />}
        {stale ? (
          <Alert
            type="warning"
            showIcon
            data-testid="publish-key-in-use"
            title={
              baseVersion === null
                ? t.status.keyInUse(workflowKey, latest.version, latest.publishedBy ?? '—', publishedAt)
                : t.status.newerVersion(workflowKey, baseVersion, latest.version, latest.publishedBy ?? '—', publishedAt)
            }
          />
        ) : (
          <Typography.Text data-testid="publish-target">
            {latest === undefined ? t.status.publishAsNew : t.status.publishOnTop(latest.version)}
          </Typography.Text>
        )}
        <label>
          <Typography.Text strong>{t.status.changeNote}</Typography.Text>
          <Input.TextArea
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t.status.changeNoteHint}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="publish-note"
          />
        </label>
      </Flex>
    </Modal>
  );
}
