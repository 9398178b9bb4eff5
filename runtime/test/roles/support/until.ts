/** Resolves once `condition` holds, looking every `everyMs`; rejects with `failure` after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number, failure: string, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
