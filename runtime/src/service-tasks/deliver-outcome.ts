import type { CaseUnit } from '../cases/case-unit.ts';
import type { SettledAttempt } from './invocation-book.ts';

/**
 * Carries a service invocation's recorded outcome into its case, in the same transaction: on
 * success the handler's data is merged into the case data.
 */
export async function deliverOutcome(unit: CaseUnit, settled: SettledAttempt): Promise<void> {
  if (settled.status !== 'succeeded') return;
  const data = settled.invocation.result ?? {};
  unit.update({ data: { ...unit.case.data, ...data } });
}
