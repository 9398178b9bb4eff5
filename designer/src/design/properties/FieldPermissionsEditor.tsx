import { fieldPermissionOf, type FieldPermission, type UserTask } from '@tongban/engine';
import { Flex, Radio, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';

const permissions: FieldPermission[] = ['hidden', 'readOnly', 'editable'];

/**
 * What a clerk acting on the task may do with each field (字段权限): the application data's fields
 * (the data schema's properties) and the task's own form fields, each hidden, read-only or
 * editable. Choosing a field's default (read-only for application data, editable for the form)
 * drops its entry, so `fieldPermissions` holds only what differs.
 */
export function FieldPermissionsEditor({
  task,
  applicationFields,
  onChange,
}: {
  task: Pick<UserTask, 'form' | 'fieldPermissions'>;
  applicationFields: readonly string[];
  onChange(fieldPermissions: Record<string, FieldPermission> | undefined): void;
}) {
  const t = useMessages(designMessages);
  const formKeys = task.form.map((field) => field.key);
  const keys = [...applicationFields.filter((key) => !formKeys.includes(key)), ...formKeys];
  const set = (key: string, permission: FieldPermission) => {
    const { [key]: _old, ...rest } = task.fieldPermissions ?? {};
    const byDefault = fieldPermissionOf({ form: task.form }, key);
    const next = permission === byDefault ? rest : { ...rest, [key]: permission };
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  if (keys.length === 0) return <Typography.Text type="secondary">{t.properties.noFields}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid="field-permissions-editor">
      {keys.map((key) => (
        <Flex key={key} justify="space-between" align="center" gap={8} data-testid={`field-permission-${key}`}>
          <code>{key}</code>
          <Radio.Group
            size="small"
            optionType="button"
            value={fieldPermissionOf(task, key)}
            onChange={(event) => set(key, event.target.value as FieldPermission)}
            options={permissions.map((permission) => ({ value: permission, label: t.properties.permissions[permission] }))}
            aria-label={key}
          />
        </Flex>
      ))}
    </Flex>
  );
}
