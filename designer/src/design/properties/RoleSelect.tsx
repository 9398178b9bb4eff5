import { Select } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { panelMessages } from './panel.messages.ts';

/** A role from the organisation's list (`GET /roles`), named in the console's language; a role the list lacks stays shown. */
export function RoleSelect({
  value,
  roles,
  onChange,
  label,
  testId,
}: {
  value: string;
  roles: readonly string[];
  onChange(role: string): void;
  label: string;
  testId: string;
}) {
  const t = useMessages(panelMessages);
  const offered = value === '' || roles.includes(value) ? roles : [...roles, value];
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={value === '' ? undefined : value}
      placeholder={t.rolePlaceholder}
      onChange={onChange}
      options={offered.map((role) => ({ value: role, label: t.roles[role] === undefined ? role : `${t.roles[role]} (${role})` }))}
      status={value === '' ? 'error' : undefined}
      aria-label={label}
      data-testid={testId}
    />
  );
}
