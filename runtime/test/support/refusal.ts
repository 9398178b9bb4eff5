import type { TongbanError } from '../../src/errors/index.ts';

/** The typed error `work` was refused with; fails when it was not refused. */
export async function refusal(work: Promise<unknown>): Promise<TongbanError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) throw new Error('expected a refusal');
  return error as TongbanError;
}
