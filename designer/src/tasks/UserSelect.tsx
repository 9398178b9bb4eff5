import { Select } from 'antd';
import { useMemo } from 'react';
import { useDepartments } from '../api/reference-queries.ts';
import { useUsers } from '../api/task-operation-queries.ts';
import type { OrganisationUser } from '../api/task-operation.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { taskOperationsMessages } from './task-operations.messages.ts';

/** Props of {@link UserSelect}; `value` and `onChange` come from the form item around it. */
export interface UserSelectProps {
  /** Which users to offer (the organisation API's users, filtered). */
  filter?: (user: OrganisationUser) => boolean;
  multiple?: boolean;
  /** What the value holds of a user: its id (default) or its login. */
  pick?: 'id' | 'username';
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  testId?: string;
}

/**
 * A searchable picker of people fed by `GET /users`: each shown by name, with department and login,
 * searched by any of them.
 */
export function UserSelect({ filter, multiple = false, pick = 'id', value, onChange, testId }: UserSelectProps) {
  const t = useMessages(taskOperationsMessages);
  const users = useUsers();
  const departments = useDepartments();
  const options = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((user) => filter === undefined || filter(user))
        .map((user) => {
          const department = departments.get(user.departmentId)?.name ?? user.departmentId;
          return {
            value: pick === 'id' ? user.id : user.username,
            label: `${user.displayName}（${department}）`,
            search: `${user.displayName} ${user.username} ${department}`.toLowerCase(),
          };
        }),
    [users.data, departments, filter, pick],
  );
  return (
    <Select
      allowClear
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()) }}
      mode={multiple ? 'multiple' : undefined}
      placeholder={t.searchUser}
      loading={users.isPending}
      options={options}
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
