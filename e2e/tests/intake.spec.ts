import { randomUUID } from 'node:crypto';
import { huangpuClerks, restaurantApplication } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

test.describe('intake', () => {
  test('an application filed through the intake API opens the service hall task in the intake clerk inbox', async ({ api, openConsoleAs }) => {
    const idempotencyKey = randomUUID();

    const filed = await test.step('the citizen portal files the application with its API key', async () => {
      const first = await api.fileCase(restaurantApplication(), idempotencyKey);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ definitionKey: 'open-restaurant', jurisdictionId: 'sh-huangpu-nanjing-east', status: 'active' });
      expect(first.headers.get('location')).toBe(`/api/v1/cases/${first.body.id}`);
      return first.body;
    });

    await test.step('the same Idempotency-Key again returns the same case and files nothing new', async () => {
      const again = await api.fileCase(restaurantApplication(), idempotencyKey);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(filed.id);
      const detail = await api.caseDetail(huangpuClerks.intake, filed.id);
      expect(detail.tasks.map((task) => task.nodeId)).toEqual(['intake']);
    });

    const intakeTask = await api.openTask(huangpuClerks.intake, filed.id, 'intake');
    expect(intakeTask.departmentId).toBe('sh-huangpu-service-hall');
    const page = await openConsoleAs(huangpuClerks.intake);

    await step('the intake clerk finds the new task in the inbox', page, async () => {
      const row = page.getByTestId(`inbox-row-${intakeTask.id}`);
      await expect(row).toBeVisible();
      await expect(row).toContainText('综合窗口受理');
      await expect(row).toContainText('林晓燕');
    });

    await step('the case view shows the application and the open intake task', page, async () => {
      await page.getByTestId(`task-link-${intakeTask.id}`).click();
      await expect(page.getByTestId('case-page')).toHaveAttribute('data-case-status', 'active');
      await expect(page.getByTestId('application-data')).toContainText('外滩小馆');
      await expect(page.getByTestId('task-workbench')).toHaveAttribute('data-task-status', 'open');
      await expect(page.getByTestId('workbench-claim')).toBeVisible();
    });
  });

  test('a service-hall clerk files an application with their own token', async ({ api }) => {
    const answer = await api.call<{ id: string; createdBy: string | null }>('POST', '/cases', {
      as: { user: huangpuClerks.intake },
      headers: { 'idempotency-key': randomUUID() },
      body: restaurantApplication(),
      expect: [201],
    });
    const task = await api.openTask(huangpuClerks.intake, answer.body.id, 'intake');
    expect(task.status).toBe('open');
  });

  test('a filing without credentials is refused and starts nothing', async ({ api }) => {
    const refused = await api.call<{ error: { code: string } }>('POST', '/cases', {
      as: { anonymous: true },
      headers: { 'idempotency-key': randomUUID() },
      body: restaurantApplication(),
      expect: [401],
    });
    expect(refused.body.error.code).toBe('unauthenticated');
  });
});
