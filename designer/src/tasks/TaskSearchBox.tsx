import { App as AntApp, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { taskListsMessages } from './task-lists.messages.ts';

/** What a task list is searched by: the start of a case number (`SH-2026-000123`) or the applicant's name. */
export type TaskSearch = { caseNumber: string } | { applicant: string } | Record<string, never>;

/** A case number is searched by its first 3 characters or more (the API's rule). */
const minCaseNumberSearch = 3;

/**
 * The search box of the task lists: by case number or by applicant, sent on Enter; an empty box
 * clears the search. A case number shorter than the API accepts is refused here with a message.
 */
export function TaskSearchBox({ onSearch, testId }: { onSearch(search: TaskSearch): void; testId: string }) {
  const t = useMessages(taskListsMessages);
  const { message } = AntApp.useApp();
  const [field, setField] = useState<'caseNumber' | 'applicant'>('caseNumber');
  const search = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') onSearch({});
    else if (field === 'caseNumber' && trimmed.length < minCaseNumberSearch) void message.warning(t.caseNumberTooShort);
    else onSearch(field === 'caseNumber' ? { caseNumber: trimmed } : { applicant: trimmed });
  };
  return (
    <Space.Compact>
      <Select<'caseNumber' | 'applicant'>
        value={field}
        onChange={setField}
        options={(['caseNumber', 'applicant'] as const).map((value) => ({ value, label: t.searchBy[value] }))}
        style={{ width: 112 }}
        data-testid={`${testId}-field`}
      />
      <Input.Search allowClear placeholder={t.searchPlaceholder[field]} onSearch={search} style={{ width: 240 }} data-testid={testId} />
    </Space.Compact>
  );
}
