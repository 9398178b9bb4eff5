import { dataSchemaFields, type Diagnostic, type Level, type WorkflowDefinition } from '@tongban/engine';
import { Alert, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import type { Selection } from '../model/design-state.ts';
import { takenIds } from '../model/unique-id.ts';
import { DefinitionSettingsForm } from './DefinitionSettingsForm.tsx';
import { EdgeProperties } from './EdgeProperties.tsx';
import { NodeProperties } from './NodeProperties.tsx';
import type { DepartmentKindOption, ElementCatalog, PropertyChangeHandler } from './property-change.ts';

/** Props of {@link PropertiesPanel}. */
export interface PropertiesPanelProps {
  definition: WorkflowDefinition;
  selection: Selection;
  /** Department kinds a userTask may name (from `GET /departments`). */
  departmentKinds: readonly DepartmentKindOption[];
  /** Levels a userTask may name (from `GET /jurisdictions`). */
  levels: readonly Level[];
  /** Roles, registered services and published workflows the element editors offer. */
  catalog: ElementCatalog;
  /** Diagnostics of the whole definition: those of the selected element are shown on top. */
  diagnostics: readonly Diagnostic[];
  onChange: PropertyChangeHandler;
}

/**
 * The properties of what is selected: one node, one edge, or (nothing selected) the definition's
 * settings. Every edit is reported as definition changes.
 */
export function PropertiesPanel({ definition, selection, departmentKinds, levels, catalog, diagnostics, onChange }: PropertiesPanelProps) {
  const t = useMessages(designMessages);
  const count = selection.nodeIds.length + selection.edgeIds.length;
  const node = count === 1 ? definition.nodes.find((n) => n.id === selection.nodeIds[0]) : undefined;
  const edge = count === 1 ? definition.edges.find((e) => e.id === selection.edgeIds[0]) : undefined;
  const taken = useMemo(() => {
    const ids = takenIds(definition);
    if (node !== undefined) ids.delete(node.id);
    return ids;
  }, [definition, node]);
  const own = diagnostics.filter((d) =>
    edge !== undefined ? d.edgeId === edge.id : node !== undefined ? d.nodeId === node.id && d.edgeId === undefined : false,
  );
  let title: string;
  let body;
  if (node !== undefined) {
    title = `${t.properties.node} · ${t.nodeTypes[node.type]}`;
    body = <NodeProperties key={node.id} node={node} schemaVersion={definition.schemaVersion} takenIds={taken} departmentKinds={departmentKinds} levels={levels} catalog={catalog} definition={definition} applicationFields={dataSchemaFields(definition)} onChange={onChange} />;
  } else if (edge !== undefined) {
    title = t.properties.edge;
    body = <EdgeProperties key={edge.id} edge={edge} definition={definition} onChange={onChange} />;
  } else if (count > 1) {
    title = t.properties.multiple(count);
    body = null;
  } else {
    title = t.properties.definition;
    body = <DefinitionSettingsForm definition={definition} onChange={onChange} />;
  }
  return (
    <Flex vertical gap={8} data-testid="properties-panel">
      <Typography.Title level={5} style={{ margin: '4px 0' }} data-testid="properties-title">
        {title}
      </Typography.Title>
      {own.map((diagnostic, index) => (
        <Alert
          key={index}
          type={diagnostic.severity === 'error' ? 'error' : 'warning'}
          showIcon
          style={{ padding: '4px 8px' }}
          title={
            <span style={{ fontSize: 12 }}>
              <strong>{t.diagnostics[diagnostic.code] ?? diagnostic.code}</strong> · {diagnostic.message}
            </span>
          }
          data-testid="properties-problem"
          data-code={diagnostic.code}
        />
      ))}
      {body}
    </Flex>
  );
}
