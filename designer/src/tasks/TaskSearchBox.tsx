import { App as AntApp, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { taskListsMessages } from './task-lists.messages.ts';

/** What a task list is searched by: a case id (or its first 8+ characters) or the applicant's name. */
export type TaskSearch = { caseId: string } | { applicant: string } | Record<string, never>;

/** A case id is searched by its first 8 characters or more (the API's rule). */
const minCaseIdSearch = 8;

/**
 * The search box of the task lists: by case number or by applicant, sent on Enter; an empty box
 * clears the search. A case number shorter than the API accepts is refused here with a message.
 */
export function TaskSearchBox({ onSearch, testId }: { onSearch(search: TaskSearch): void; testId: string }) {
  const t = useMessages(taskListsMessages);
  const { message } = AntApp.useApp();
  const [field, setField] = useState<'caseId' | 'applicant'>('caseId');
  const search = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') onSearch({});
    else if (field === 'caseId' && trimmed.length < minCaseIdSearch) void message.warning(t.caseIdTooShort);
    else onSearch(field === 'caseId' ? { caseId: trimmed } : { applicant: trimmed });
  };
  return (
    <Space.Compact>
      <Select<'caseId' | 'applicant'>
        value={field}
        onChange={setField}
        options={(['caseId', 'applicant'] as const).map((value) => ({ value, label: t.searchBy[value] }))}
        style={{ width: 112 }}
        data-testid={`${testId}-field`}
      />
      <Input.Search allowClear placeholder={t.searchPlaceholder[field]} onSearch={search} style={{ width: 240 }} data-testid={testId} />
    </Space.Compact>
  );
}
