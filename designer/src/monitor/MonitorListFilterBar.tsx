import type { WorkflowDefinition } from '@tongban/engine';
import { Flex, Select } from 'antd';
import type { Department } from '../api/api.types.ts';
import type { MonitorListQuery } from '../api/tongban-api.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { monitorMessages } from './monitor.messages.ts';

/** The filters of the overdue and at-risk lists. */
export type MonitorListFilters = Pick<MonitorListQuery, 'departmentId' | 'definitionKey' | 'nodeId'>;

/** Department, workflow and step (of the chosen workflow's latest version) of the monitor's task lists. */
export function MonitorListFilterBar({
  value,
  onChange,
  departments,
  workflows,
  definitionOf,
}: {
  value: MonitorListFilters;
  onChange(next: MonitorListFilters): void;
  departments: Department[];
  workflows: { key: string; name: string }[];
  definitionOf(key: string): WorkflowDefinition | undefined;
}) {
  const t = useMessages(monitorMessages);
  const steps = value.definitionKey === undefined ? [] : (definitionOf(value.definitionKey)?.nodes ?? []).filter((node) => node.type === 'userTask');
  return (
    <Flex gap={8} wrap data-testid="monitor-list-filters">
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        size="small"
        style={{ width: 200 }}
        placeholder={t.filterDepartment}
        value={value.departmentId}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(departmentId?: string) => onChange({ ...value, departmentId })}
        data-testid="filter-department"
      />
      <Select
        allowClear
        size="small"
        style={{ width: 180 }}
        placeholder={t.filterWorkflow}
        value={value.definitionKey}
        options={workflows.map((w) => ({ value: w.key, label: w.name }))}
        onChange={(definitionKey?: string) => onChange({ ...value, definitionKey, nodeId: undefined })}
        data-testid="filter-workflow"
      />
      <Select
        allowClear
        size="small"
        style={{ width: 160 }}
        placeholder={t.filterStep}
        disabled={value.definitionKey === undefined}
        value={value.nodeId}
        options={steps.map((node) => ({ value: node.id, label: node.name }))}
        onChange={(nodeId?: string) => onChange({ ...value, nodeId })}
        data-testid="filter-step"
      />
    </Flex>
  );
}
