import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { ReturnDialog } from './ReturnDialog.tsx';

const targets = [
  { nodeId: 'licence-check', name: '营业执照核验' },
  { nodeId: 'intake', name: '综合窗口受理' },
];

function renderDialog(onSubmit = vi.fn(), offered = targets) {
  render(
    <LocaleProvider initial="zh-CN">
      <ReturnDialog open targets={offered} submitting={false} onSubmit={onSubmit} onCancel={() => undefined} />
    </LocaleProvider>,
  );
  return onSubmit;
}

const submitButton = () => within(screen.getByRole('dialog')).getByRole('button', { name: /提\s?交/ });

describe('ReturnDialog', () => {
  it('should ask for both a target and a reason before returning', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.click(submitButton());
    expect(await screen.findByText('请选择退回的环节')).toBeTruthy();
    expect(screen.getByText('请填写退回理由')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should offer the earlier tasks and send the chosen one with the trimmed reason', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.click(within(screen.getByTestId('return-target')).getByRole('combobox'));
    await user.click(await screen.findByTitle('营业执照核验'));
    await user.type(screen.getByTestId('return-reason'), '  经营范围与申请项目不符 ');
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ returnTo: 'licence-check', reason: '经营范围与申请项目不符' }));
  });

  it('should preselect the only target when there is one', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog(vi.fn(), [targets[0] as (typeof targets)[number]]);
    await user.type(screen.getByTestId('return-reason'), '请重新核验');
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ returnTo: 'licence-check', reason: '请重新核验' }));
  });

  it('should name the parallel tasks of other departments the return would cancel, with their department and assignee', () => {
    render(
      <LocaleProvider initial="zh-CN">
        <ReturnDialog
          open
          targets={targets}
          submitting={false}
          cancels={[
            { id: 't-fire', nodeId: 'fire-inspection', name: '消防安全检查', departmentId: 'sh-huangpu-fire-rescue', departmentName: '黄浦区消防救援支队', assigneeId: 'huangpu.fire', assigneeName: '黄浦区消防救援支队审查员' },
            { id: 't-sign', nodeId: 'sign-permit', name: '户外招牌设置', departmentId: 'sh-huangpu-urban-management', departmentName: '黄浦区绿化和市容管理局', assigneeId: null, assigneeName: null },
          ]}
          onSubmit={() => undefined}
          onCancel={() => undefined}
        />
      </LocaleProvider>,
    );
    const warning = screen.getByTestId('return-cancels');
    expect(warning.textContent).toContain('退回将同时取消其他部门正在并联办理的 2 项任务');
    expect(screen.getByTestId('return-cancels-fire-inspection').textContent).toBe('消防安全检查 · 黄浦区消防救援支队 · 黄浦区消防救援支队审查员');
    expect(screen.getByTestId('return-cancels-sign-permit').textContent).toContain('未认领');
  });

  it('should warn of nothing when the return cancels no other task', () => {
    renderDialog();
    expect(screen.queryByTestId('return-cancels')).toBeNull();
  });
});
