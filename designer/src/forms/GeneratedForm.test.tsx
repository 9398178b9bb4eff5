import type { FormField } from '@tongban/engine';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import inspectionForm from '../../test/fixtures/inspection-form.json' with { type: 'json' };
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { FormInputValue } from './form-values.ts';
import { GeneratedForm } from './GeneratedForm.tsx';
import { submitGeneratedForm } from './submit-generated-form.ts';

const fields = inspectionForm as FormField[];

function Harness({
  formFields,
  initialData,
  onSubmit,
}: {
  formFields: FormField[];
  initialData?: Record<string, unknown>;
  onSubmit(data: Record<string, unknown> | null): void;
}) {
  const [form] = Form.useForm<Record<string, FormInputValue>>();
  return (
    <LocaleProvider initial="zh-CN">
      <GeneratedForm fields={formFields} form={form} initialData={initialData} />
      <Button onClick={async () => onSubmit(await submitGeneratedForm(form, formFields))}>Submit</Button>
    </LocaleProvider>
  );
}

function field(key: string): HTMLElement {
  const input = screen.getByTestId(`field-${key}`);
  const item = input.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error(`Field '${key}' is not inside a form item`);
  return item;
}

async function chooseOption(user: ReturnType<typeof userEvent.setup>, key: string, label: string) {
  await user.click(within(field(key)).getByRole('combobox'));
  const option = await screen.findByTitle(label);
  await user.click(option);
}

describe('GeneratedForm', () => {
  it('should render one labelled input of the right kind per field type', () => {
    render(<Harness formFields={fields} onSubmit={() => undefined} />);
    expect(within(field('inspector')).getByRole('textbox')).toBeTruthy();
    expect(field('findings').querySelector('textarea')).not.toBeNull();
    expect(within(field('area')).getByRole('spinbutton')).toBeTruthy();
    expect(within(field('passed')).getAllByRole('radio')).toHaveLength(2);
    expect(within(field('inspectedOn')).getByPlaceholderText('请选择日期')).toBeTruthy();
    expect(within(field('verdict')).getByRole('combobox')).toBeTruthy();
    for (const { label } of fields) expect(screen.getByText(label)).toBeTruthy();
  });

  it('should block submit and name every empty required field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness formFields={fields} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(null));
    expect(await screen.findByText('请填写“检查人员”')).toBeTruthy();
    expect(screen.getByText('请填写“经营面积（平方米）”')).toBeTruthy();
    expect(screen.getByText('请选择“现场检查合格”')).toBeTruthy();
    expect(screen.getByText('请选择“检查日期”')).toBeTruthy();
    expect(screen.getByText('请选择“审查结论”')).toBeTruthy();
    expect(screen.queryByText('请填写“检查意见”')).toBeNull();
  });

  it('should treat a text of only spaces as empty', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const textOnly = fields.filter((candidate) => candidate.key === 'inspector');
    render(<Harness formFields={textOnly} onSubmit={onSubmit} />);
    await user.type(within(field('inspector')).getByRole('textbox'), '   ');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(null));
  });

  it('should submit typed values: numbers as numbers, yes/no as booleans, dates as YYYY-MM-DD, options by value', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness formFields={fields} initialData={{ inspectedOn: '2026-03-02' }} onSubmit={onSubmit} />);
    await user.type(within(field('inspector')).getByRole('textbox'), '  王敏 ');
    await user.type(within(field('area')).getByRole('spinbutton'), '86.5');
    await user.click(within(field('passed')).getByLabelText('否'));
    await chooseOption(user, 'verdict', '不予许可');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      inspector: '王敏',
      area: 86.5,
      passed: false,
      inspectedOn: '2026-03-02',
      verdict: 'rejected',
    });
  });

  it('should offer exactly the options of a select field', async () => {
    const user = userEvent.setup();
    render(<Harness formFields={fields} onSubmit={() => undefined} />);
    await user.click(within(field('verdict')).getByRole('combobox'));
    await screen.findByTitle('准予许可');
    const options = [...document.querySelectorAll('.ant-select-item-option')];
    expect(options.map((option) => option.getAttribute('title'))).toEqual(['准予许可', '不予许可']);
  });

  it('should start from the case data each field names and ignore values of the wrong type', () => {
    render(
      <Harness
        formFields={fields}
        initialData={{ inspector: '李强', area: 'ninety', passed: true, verdict: 'unknown' }}
        onSubmit={() => undefined}
      />,
    );
    expect(within(field('inspector')).getByRole('textbox')).toHaveProperty('value', '李强');
    expect(within(field('area')).getByRole('spinbutton')).toHaveProperty('value', '');
    expect(within(field('passed')).getByLabelText('是')).toHaveProperty('checked', true);
    expect(within(field('verdict')).queryByTitle('unknown')).toBeNull();
  });

  it('should say so when the task has no form fields', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Harness formFields={[]} onSubmit={onSubmit} />);
    expect(screen.getByText('此环节无需填写表单。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({}));
  });
});

