import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import applicationSchema from '../../test/fixtures/application-schema.json' with { type: 'json' };
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { NewCaseDialog } from './NewCaseDialog.tsx';

interface Sent {
  body: unknown;
  idempotencyKey: string | null;
}

const jurisdictions = [
  { id: 'sh', name: '上海市', level: 'city', parentId: null },
  { id: 'sh-huangpu', name: '黄浦区', level: 'district', parentId: 'sh' },
  { id: 'sh-huangpu-nanjing-east', name: '南京东路街道', level: 'subDistrict', parentId: 'sh-huangpu' },
  { id: 'sh-xuhui', name: '徐汇区', level: 'district', parentId: 'sh' },
];
const definition = { key: 'open-restaurant', version: 2, name: '开办餐饮店', publishedAt: '2026-11-02T01:00:00.000Z', publishedBy: null, versions: [1, 2] };

/** The HTTP answers of the runtime for the routes the dialog calls; `POST /cases` answers `caseAnswer`. */
function serveApi(sent: Sent[], caseAnswer: { status: number; body: unknown }) {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/v1/jurisdictions') return json(200, { items: jurisdictions });
      if (url === '/api/v1/definitions') return json(200, { items: [definition] });
      if (url === '/api/v1/definitions/open-restaurant/versions/2') {
        return json(200, { ...definition, definition: { key: 'open-restaurant', name: '开办餐饮店', dataSchema: applicationSchema } });
      }
      if (url === '/api/v1/cases' && init.method === 'POST') {
        sent.push({ body: JSON.parse(String(init.body)), idempotencyKey: new Headers(init.headers).get('Idempotency-Key') });
        return json(caseAnswer.status, caseAnswer.body);
      }
      return json(404, { error: { code: 'not-found', message: `No route ${url}` } });
    }),
  );
}

function renderDialog() {
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LocaleProvider initial="zh-CN">
        <AntApp>
          <NewCaseDialog open user={{ jurisdiction: { id: 'sh-huangpu', name: '黄浦区', level: 'district', parentId: 'sh' } }} onClose={onClose} />
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return onClose;
}

function item(testId: string): HTMLElement {
  const found = screen.getByTestId(testId).closest('.ant-form-item');
  if (!(found instanceof HTMLElement)) throw new Error(`'${testId}' is not inside a form item`);
  return found;
}

async function choose(user: ReturnType<typeof userEvent.setup>, testId: string, label: string) {
  await user.click(within(item(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(label));
}

async function fillApplication(user: ReturnType<typeof userEvent.setup>) {
  await choose(user, 'new-case-workflow', '开办餐饮店');
  await screen.findByTestId('field-businessName');
  await user.type(screen.getByTestId('new-case-applicant-name'), '张三');
  await user.type(screen.getByTestId('new-case-applicant-phone'), '13800000000');
  await user.type(screen.getByTestId('field-businessName'), ' 南京东路小馆 ');
  await user.type(screen.getByTestId('field-contactPhone'), '13912345678');
  await user.type(within(item('field-area')).getByRole('spinbutton'), '85.5');
  await user.type(within(item('field-seats')).getByRole('spinbutton'), '40');
  await choose(user, 'field-foodBusinessItems', '热食类食品制售');
  await user.click(within(item('field-outdoorSign')).getByLabelText('否'));
  await choose(user, 'field-licenceKind', '新办');
}

describe('NewCaseDialog', () => {
  beforeEach(() => window.history.replaceState(null, '', '/tasks'));
  afterEach(() => vi.unstubAllGlobals());

  it('offers the clerk’s jurisdiction and those below it, and the schema’s fields with their labels', async () => {
    const user = userEvent.setup();
    serveApi([], { status: 201, body: {} });
    renderDialog();
    await user.click(within(item('new-case-jurisdiction')).getByRole('combobox'));
    expect(await screen.findByTitle('南京东路街道')).toBeTruthy();
    expect(screen.queryByTitle('徐汇区')).toBeNull();
    await choose(user, 'new-case-workflow', '开办餐饮店');
    expect(await screen.findByText('建筑面积（m²）')).toBeTruthy();
    expect(screen.getByText('与营业执照一致')).toBeTruthy();
    expect(screen.queryByTestId('field-premises')).toBeNull();
  });

  it('blocks a submit that breaks the schema and names the field', async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    serveApi(sent, { status: 201, body: {} });
    renderDialog();
    await fillApplication(user);
    await user.clear(screen.getByTestId('field-contactPhone'));
    await user.type(screen.getByTestId('field-contactPhone'), '12345');
    await user.click(screen.getByTestId('new-case-submit'));
    expect(await screen.findByText('“联系电话”格式不正确')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('blocks a submit whose applicant phone the server would refuse, saying what a phone number holds', async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    serveApi(sent, { status: 201, body: {} });
    renderDialog();
    await fillApplication(user);
    await user.clear(screen.getByTestId('new-case-applicant-phone'));
    await user.type(screen.getByTestId('new-case-applicant-phone'), '请致电');
    await user.click(screen.getByTestId('new-case-submit'));
    expect(await within(item('new-case-applicant-phone')).findByText('联系电话只能包含数字、空格、连字符和括号，可以 + 开头（3–30 位）')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('files the application once under one idempotency key and opens the new case', async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    serveApi(sent, { status: 201, body: { id: 'case-7' } });
    const onClose = renderDialog();
    await fillApplication(user);
    await user.dblClick(screen.getByTestId('new-case-submit'));
    await waitFor(() => expect(window.location.pathname).toBe('/cases/case-7'));
    expect(onClose).toHaveBeenCalled();
    expect(sent[0]?.body).toEqual({
      definitionKey: 'open-restaurant',
      jurisdiction: 'sh-huangpu',
      applicant: { name: '张三', phone: '13800000000' },
      data: {
        businessName: '南京东路小馆',
        contactPhone: '13912345678',
        area: 85.5,
        seats: 40,
        foodBusinessItems: ['hotFood'],
        outdoorSign: false,
        licenceKind: 'new',
      },
    });
    expect(new Set(sent.map((request) => request.idempotencyKey)).size).toBe(1);
    expect(sent[0]?.idempotencyKey).toMatch(/^[\x21-\x7e]+$/);
  });

  it('shows a 400 that names an application field on that field', async () => {
    const user = userEvent.setup();
    serveApi([], {
      status: 400,
      body: { error: { code: 'invalid-case-data', message: "Field 'seats' of the application data must be of type 'integer'", details: { field: 'data.seats', reason: 'type' } } },
    });
    renderDialog();
    await fillApplication(user);
    await user.click(screen.getByTestId('new-case-submit'));
    expect(await within(item('field-seats')).findByText("Field 'seats' of the application data must be of type 'integer'")).toBeTruthy();
    expect(window.location.pathname).toBe('/tasks');
  });
});
