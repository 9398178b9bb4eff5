import { huangpuClerks, restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox, decideAndConfirm, fillTaskForm } from '../support/workbench.ts';

test.describe('parallel approval', () => {
  test('clerks of three departments each decide their own parallel task and see none of the others', async ({ api, openConsoleAs }) => {
    const filed = await restaurantCaseAtSplit(api);
    const food = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    const fire = await api.openTask(huangpuClerks.fire, filed.id, 'fire-inspection-district');
    const sign = await api.openTask(huangpuClerks.urban, filed.id, 'sign-permit');
    expect([food.departmentId, fire.departmentId, sign.departmentId]).toEqual([
      'sh-huangpu-market-regulation',
      'sh-huangpu-fire-rescue',
      'sh-huangpu-urban-management',
    ]);

    const market = await openConsoleAs(huangpuClerks.market);
    const urban = await openConsoleAs(huangpuClerks.urban);
    const fireBrigade = await openConsoleAs(huangpuClerks.fire);
    const inboxes = [
      { page: market, own: food, others: [fire, sign] },
      { page: urban, own: sign, others: [food, fire] },
      { page: fireBrigade, own: fire, others: [food, sign] },
    ];

    await step('each inbox holds its own parallel task and none of the others', [market, urban, fireBrigade], async () => {
      for (const { page, own, others } of inboxes) {
        await expect(page.getByTestId(`inbox-row-${own.id}`)).toBeVisible();
        for (const other of others) await expect(page.getByTestId(`inbox-row-${other.id}`)).toHaveCount(0);
      }
    });

    await test.step('a clerk cannot claim another department’s task through the API', async () => {
      const refused = await api.call<{ error: { code: string } }>('POST', `/tasks/${food.id}/claim`, {
        as: { user: huangpuClerks.urban },
        expect: [403],
      });
      expect(refused.body.error.code).toBe('task-forbidden');
    });

    await step('the market clerk approves the food licence review', market, async () => {
      await claimFromInbox(market, food.id);
      await fillTaskForm(market, { foodReviewOpinion: '申请材料齐全，符合法定形式，安排现场核查' });
      await decideAndConfirm(market, 'approve');
    });

    await step('the urban management clerk grants the sign permit', urban, async () => {
      await claimFromInbox(urban, sign.id);
      await fillTaskForm(urban, { signPermitNumber: '黄绿容招〔2026〕0527号', signOpinion: '招牌规格、位置符合店招设置导则' });
      await decideAndConfirm(urban, 'approve');
    });

    await step('the fire brigade clerk passes the fire-safety inspection', fireBrigade, async () => {
      await claimFromInbox(fireBrigade, fire.id);
      await fillTaskForm(fireBrigade, {
        fireInspectionRecord: '疏散通道畅通，消防设施完好有效',
        fireCheckCertificateNumber: '黄消安检字〔2026〕第0311号',
      });
      await decideAndConfirm(fireBrigade, 'approve');
    });

    await step('the case waits for the on-site food inspection; the other branches are done', market, async () => {
      const detail = await api.caseDetail(huangpuClerks.market, filed.id);
      const byNode = new Map(detail.tasks.map((task) => [task.nodeId, task]));
      expect(byNode.get('food-review')?.status).toBe('completed');
      expect(byNode.get('sign-permit')?.status).toBe('completed');
      expect(byNode.get('fire-inspection-district')?.status).toBe('completed');
      expect(byNode.get('food-inspection')?.status).toBe('open');
      expect(detail.case.data.signPermitNumber).toBe('黄绿容招〔2026〕0527号');
      await market.getByTestId('nav-tasks').click();
      const inspection = await api.openTask(huangpuClerks.market, filed.id, 'food-inspection');
      await expect(market.getByTestId(`inbox-row-${inspection.id}`)).toBeVisible();
      await expect(urban.getByTestId(`inbox-row-${inspection.id}`)).toHaveCount(0);
    });
  });
});
