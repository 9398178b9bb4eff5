import { builtInCalendars, workflowKeySchema, type WorkflowDefinition } from '@tongban/engine';
import { Divider, Form, Input, Select } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { ApplicationFormEditor } from './ApplicationFormEditor.tsx';
import { DurationEditor } from './DurationEditor.tsx';
import { panelMessages } from './panel.messages.ts';
import type { PropertyChangeHandler } from './property-change.ts';

/** The definition's settings: key, name, description, business calendar, promised total, application form. */
export function DefinitionSettingsForm({ definition, onChange }: { definition: WorkflowDefinition; onChange: PropertyChangeHandler }) {
  const t = useMessages(designMessages);
  const p = t.properties;
  const w = useMessages(panelMessages);
  const keyValid = workflowKeySchema.safeParse(definition.key).success;
  const calendars = builtInCalendars.keys();
  return (
    <Form layout="vertical" size="small" data-testid="definition-settings">
      <Form.Item label={p.key} validateStatus={keyValid ? undefined : 'error'} help={keyValid ? undefined : p.keyInvalid}>
        <Input
          value={definition.key}
          onChange={(event) => onChange([{ type: 'updateSettings', settings: { key: event.target.value } }], 'settings:key')}
          aria-label={p.key}
          data-testid="def-key"
        />
      </Form.Item>
      <Form.Item label={p.name}>
        <Input
          value={definition.name}
          onChange={(event) => onChange([{ type: 'updateSettings', settings: { name: event.target.value } }], 'settings:name')}
          aria-label={p.name}
          data-testid="def-name"
        />
      </Form.Item>
      <Form.Item label={p.description}>
        <Input.TextArea
          value={definition.description}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(event) => onChange([{ type: 'updateSettings', settings: { description: event.target.value } }], 'settings:description')}
          aria-label={p.description}
          data-testid="def-description"
        />
      </Form.Item>
      <Form.Item label={p.calendar}>
        <Select
          value={definition.calendar}
          onChange={(calendar: string) => onChange([{ type: 'updateSettings', settings: { calendar } }], 'settings:calendar')}
          options={(calendars.includes(definition.calendar) ? calendars : [...calendars, definition.calendar]).map((key) => ({
            value: key,
            label: builtInCalendars.has(key) ? `${builtInCalendars.get(key).name} (${key})` : key,
          }))}
          aria-label={p.calendar}
          data-testid="def-calendar"
        />
      </Form.Item>
      <Form.Item label={p.promisedTotal}>
        <DurationEditor
          value={definition.promisedSla}
          onChange={(promisedSla) => onChange([{ type: 'updateSettings', settings: { promisedSla } }], 'settings:promisedSla')}
          testId="def-promised"
          initial={{ amount: 20, unit: 'workingDay' }}
        />
      </Form.Item>
      <Divider plain titlePlacement="start">
        {w.applicationForm}
      </Divider>
      <ApplicationFormEditor
        dataSchema={definition.dataSchema}
        onChange={(dataSchema) => onChange([{ type: 'updateSettings', settings: { dataSchema } }], 'settings:dataSchema')}
      />
    </Form>
  );
}
