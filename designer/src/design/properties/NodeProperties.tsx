import type { Level, SchemaVersion, UserTask, WorkflowDefinition, WorkflowNode } from '@tongban/engine';
import { BellOutlined } from '@ant-design/icons';
import { Button, Divider, Form, Input, Select, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { uniqueId } from '../model/unique-id.ts';
import { CallActivityEditor } from './CallActivityEditor.tsx';
import { CountersignEditor } from './CountersignEditor.tsx';
import { DurationEditor } from './DurationEditor.tsx';
import { ExtensionEditor } from './ExtensionEditor.tsx';
import { FieldPermissionsEditor } from './FieldPermissionsEditor.tsx';
import { FormFieldsEditor } from './FormFieldsEditor.tsx';
import { IdInput } from './IdInput.tsx';
import { OutcomesEditor } from './OutcomesEditor.tsx';
import { panelMessages } from './panel.messages.ts';
import type { DepartmentKindOption, ElementCatalog, PropertyChangeHandler } from './property-change.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { ServiceTaskEditor } from './ServiceTaskEditor.tsx';
import { SlaEditor } from './SlaEditor.tsx';

/** Props of {@link NodeProperties}. */
export interface NodePropertiesProps {
  node: WorkflowNode;
  /** The definition's schema version: it decides which outcomes need a reason by default. */
  schemaVersion: SchemaVersion;
  /** Ids of every other node and edge, which a renamed node may not take. */
  takenIds: ReadonlySet<string>;
  departmentKinds: readonly DepartmentKindOption[];
  levels: readonly Level[];
  /** Roles, registered services and published workflows the editors offer. */
  catalog: ElementCatalog;
  /** The whole definition: what a call activity may pass on, which workflow is being drawn. */
  definition: WorkflowDefinition;
  /** The properties of the definition's data schema: the application fields a task's permissions cover. */
  applicationFields: readonly string[];
  onChange: PropertyChangeHandler;
}

/** End results offered as suggestions; any other text is allowed. */
const resultSuggestions = ['approved', 'rejected', 'withdrawn', 'completed'];

/** The properties of one node: id and name for every type, plus what its type carries. */
export function NodeProperties({ node, schemaVersion, takenIds, departmentKinds, levels, catalog, definition, applicationFields, onChange }: NodePropertiesProps) {
  const t = useMessages(designMessages);
  const w = useMessages(panelMessages);
  const p = t.properties;
  const replace = (next: WorkflowNode, field: string) => onChange([{ type: 'replaceNode', node: next }], `node:${node.id}:${field}`);
  const replaceTask = (task: UserTask, patch: Partial<UserTask>, field: string) => replace({ ...task, ...patch }, field);
  const kindOptions = departmentKinds.some((option) => option.kind === (node.type === 'userTask' ? node.department : ''))
    ? departmentKinds
    : node.type === 'userTask' && node.department !== ''
      ? [...departmentKinds, { kind: node.department, label: node.department }]
      : departmentKinds;
  return (
    <Form layout="vertical" size="small" data-testid="node-properties" data-node-id={node.id} data-node-type={node.type}>
      <Form.Item label={p.id}>
        <IdInput id={node.id} taken={takenIds} onRename={(newId) => onChange([{ type: 'renameNode', id: node.id, newId }], `node:${node.id}:id`)} />
      </Form.Item>
      <Form.Item label={p.name}>
        <Input value={node.name} onChange={(event) => replace({ ...node, name: event.target.value }, 'name')} aria-label={p.name} data-testid="prop-name" />
      </Form.Item>
      {node.type === 'endEvent' && (
        <Form.Item label={p.result}>
          <Select
            showSearch
            value={node.result}
            onSearch={(result) => {
              if (result !== '') replace({ ...node, result }, 'result');
            }}
            onChange={(result: string) => replace({ ...node, result }, 'result')}
            options={resultSuggestions.map((value) => ({ value, label: value }))}
            aria-label={p.result}
            data-testid="prop-result"
          />
        </Form.Item>
      )}
      {node.type === 'serviceTask' && <ServiceTaskEditor node={node} services={catalog.services} onChange={replace} />}
      {node.type === 'timerEvent' && (
        <Form.Item label={w.timerDuration}>
          <DurationEditor required value={node.duration} onChange={(duration) => duration !== undefined && replace({ ...node, duration }, 'duration')} testId="timer-duration" />
        </Form.Item>
      )}
      {node.type === 'callActivity' && <CallActivityEditor node={node} definition={definition} workflows={catalog.workflows} onChange={replace} />}
      {node.type === 'exclusiveGateway' && <Typography.Paragraph type="secondary">{p.gatewayHint}</Typography.Paragraph>}
      {node.type === 'inclusiveGateway' && <Typography.Paragraph type="secondary">{p.inclusiveHint}</Typography.Paragraph>}
      {node.type === 'userTask' && (
        <>
          <Form.Item label={p.department}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={node.department === '' ? undefined : node.department}
              placeholder={p.departmentPlaceholder}
              onChange={(department: string) => replaceTask(node, { department }, 'department')}
              options={kindOptions.map((option) => ({ value: option.kind, label: option.label }))}
              status={node.department === '' ? 'error' : undefined}
              aria-label={p.department}
              data-testid="prop-department"
            />
          </Form.Item>
          <Form.Item label={p.level}>
            <Select<Level>
              value={node.level}
              onChange={(level) => replaceTask(node, { level }, 'level')}
              options={(levels.includes(node.level) ? levels : [...levels, node.level]).map((level) => ({ value: level, label: t.levels[level] }))}
              aria-label={p.level}
              data-testid="prop-level"
            />
          </Form.Item>
          <Form.Item label={p.candidateRole}>
            <RoleSelect
              value={node.candidateRole}
              roles={catalog.roles}
              onChange={(candidateRole) => replaceTask(node, { candidateRole }, 'candidateRole')}
              label={p.candidateRole}
              testId="prop-role"
            />
          </Form.Item>
          <Divider plain titlePlacement="start">
            {p.outcomes}
          </Divider>
          <OutcomesEditor
            outcomes={node.outcomes}
            schemaVersion={schemaVersion}
            formKeys={node.form.map((field) => field.key)}
            onChange={(outcomes) => replaceTask(node, { outcomes }, 'outcomes')}
          />
          <Divider plain titlePlacement="start">
            {p.sla}
          </Divider>
          <SlaEditor
            value={node.sla}
            onChange={(sla) => {
              const { sla: _old, ...rest } = node;
              replace(sla === undefined ? rest : { ...rest, sla }, 'sla');
            }}
          />
          <Button
            size="small"
            icon={<BellOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => {
              const id = uniqueId('edge', takenIds);
              onChange(
                [{ type: 'addEdge', edge: { id, source: node.id, target: node.id, kind: 'slaBreach', interrupting: false, limit: 'promised', action: 'notify' } }],
                `edge:${id}:added`,
              );
            }}
            data-testid="add-sla-loop"
          >
            {p.addSlaLoop}
          </Button>
          <Divider plain titlePlacement="start">
            {w.extension}
          </Divider>
          <ExtensionEditor
            value={node.extension}
            roles={catalog.roles}
            onChange={(extension) => {
              const { extension: _old, ...rest } = node;
              replace(extension === undefined ? rest : { ...rest, extension }, 'extension');
            }}
          />
          <Divider plain titlePlacement="start">
            {w.acceptance}
          </Divider>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {w.acceptanceHint}
          </Typography.Paragraph>
          <DurationEditor
            value={node.acceptanceDeadline}
            onChange={(acceptanceDeadline) => {
              const { acceptanceDeadline: _old, ...rest } = node;
              replace(acceptanceDeadline === undefined ? rest : { ...rest, acceptanceDeadline }, 'acceptanceDeadline');
            }}
            testId="acceptance-deadline"
            initial={{ amount: 5, unit: 'workingDay' }}
          />
          <Divider plain titlePlacement="start">
            {w.countersign}
          </Divider>
          <CountersignEditor
            value={node.multiInstance}
            departmentKinds={departmentKinds}
            onChange={(multiInstance) => {
              const { multiInstance: _old, ...rest } = node;
              replace(multiInstance === undefined ? rest : { ...rest, multiInstance }, 'multiInstance');
            }}
          />
          <Divider plain titlePlacement="start">
            {p.form}
          </Divider>
          <FormFieldsEditor fields={node.form} onChange={(form) => replaceTask(node, { form }, 'form')} />
          <Divider plain titlePlacement="start">
            {p.fieldPermissions}
          </Divider>
          <FieldPermissionsEditor
            task={node}
            applicationFields={applicationFields}
            onChange={(fieldPermissions) => {
              const { fieldPermissions: _old, ...rest } = node;
              replace(fieldPermissions === undefined ? rest : { ...rest, fieldPermissions }, 'fieldPermissions');
            }}
          />
        </>
      )}
    </Form>
  );
}
