import type { UserTask } from '@tongban/engine';
import { Checkbox, Flex, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { DurationEditor } from './DurationEditor.tsx';
import { panelMessages } from './panel.messages.ts';
import { RoleSelect } from './RoleSelect.tsx';

type Extension = NonNullable<UserTask['extension']>;

/** The extension a clerk may ask for: who approves it, and at most how long. */
export function ExtensionEditor({ value, roles, onChange }: { value: Extension | undefined; roles: readonly string[]; onChange(value: Extension | undefined): void }) {
  const t = useMessages(panelMessages);
  return (
    <Flex vertical gap={6} data-testid="extension-editor">
      <Checkbox
        checked={value !== undefined}
        onChange={(event) => onChange(event.target.checked ? { approverRole: 'manager', cap: { amount: 10, unit: 'workingDay' } } : undefined)}
        data-testid="extension-enabled"
      >
        {t.extensionEnabled}
      </Checkbox>
      {value !== undefined && (
        <>
          <Typography.Text type="secondary">{t.extensionApprover}</Typography.Text>
          <RoleSelect value={value.approverRole} roles={roles} onChange={(approverRole) => onChange({ ...value, approverRole })} label={t.extensionApprover} testId="extension-approver" />
          <Typography.Text type="secondary">{t.extensionCap}</Typography.Text>
          <DurationEditor required value={value.cap} onChange={(cap) => cap !== undefined && onChange({ ...value, cap })} testId="extension-cap" />
        </>
      )}
    </Flex>
  );
}
