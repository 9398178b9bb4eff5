import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Application, CaseRecord, Decision, TongbanClient } from './tongban-client.ts';

interface RestaurantFixture {
  application: Application;
  decisions: Record<'intake' | 'licence-check' | 'food-review', Decision>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/huangpu-restaurant.json', import.meta.url), 'utf8')) as RestaurantFixture;

/** The clerks of 黄浦区 who handle the fixture's case, by the node they handle. */
export const huangpuClerks = {
  intake: 'huangpu.intake',
  market: 'huangpu.market',
  fire: 'huangpu.fire',
  urban: 'huangpu.urban',
} as const;

/** The application of `fixtures/huangpu-restaurant.json` (a fresh copy). */
export function restaurantApplication(): Application {
  return structuredClone(fixture.application);
}

/** Files the fixture's application through the intake API with a new `Idempotency-Key`. */
export async function fileRestaurantCase(api: TongbanClient): Promise<CaseRecord> {
  return (await api.fileCase(restaurantApplication(), randomUUID())).body;
}

/**
 * Files a case and decides its steps up to the parallel block through the API: the service hall
 * accepts it and market regulation confirms the business licence. Food review, the district fire
 * inspection and the sign permit are then open in their departments' inboxes.
 */
export async function restaurantCaseAtSplit(api: TongbanClient): Promise<CaseRecord> {
  const filed = await fileRestaurantCase(api);
  await api.decide(huangpuClerks.intake, filed.id, 'intake', fixture.decisions.intake);
  await api.decide(huangpuClerks.market, filed.id, 'licence-check', fixture.decisions['licence-check']);
  return filed;
}

/** {@link restaurantCaseAtSplit}, then food review approved: the on-site inspection is open. */
export async function restaurantCaseAtInspection(api: TongbanClient): Promise<CaseRecord> {
  const filed = await restaurantCaseAtSplit(api);
  await api.decide(huangpuClerks.market, filed.id, 'food-review', fixture.decisions['food-review']);
  return filed;
}
