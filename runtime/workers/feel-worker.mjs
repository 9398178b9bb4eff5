/**
 * The worker thread of runtime/src/feel/bounded-feel-evaluator.ts: evaluates FEEL expressions with
 * feelin, as @tongban/engine's `evaluateFeel` does, and answers each through `port` before waking
 * the waiting thread with `signal[0]`; `signal[1]` says it is ready (feelin loaded). Plain JavaScript, so that it runs from the TypeScript sources
 * and from the build alike. Its heap is limited by the parent's `resourceLimits`; the parent
 * terminates it when an answer is late.
 */
import { workerData } from 'node:worker_threads';
import { evaluate, SyntaxError as FeelSyntaxError } from 'feelin';

const { port, signal } = workerData;

function evaluation(expression, data) {
  try {
    const result = evaluate(expression, data);
    return { ok: true, value: result.value, warnings: result.warnings.map((warning) => warning.message) };
  } catch (error) {
    return {
      ok: false,
      syntax: error instanceof FeelSyntaxError,
      message: error instanceof Error ? error.message : String(error),
      ...(error && typeof error === 'object' && error.position ? { position: error.position } : {}),
    };
  }
}

port.on('message', ({ id, expression, data }) => {
  const answer = evaluation(expression, data);
  try {
    port.postMessage({ id, answer });
  } catch {
    port.postMessage({ id, answer: { ok: true, value: null, warnings: [`yielded a ${typeof answer.value} that is not plain data`] } });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

// Ready once feelin has parsed and evaluated once: the first evaluation of a thread, with the
// parser's tables built and the interpreter compiled, is not counted in an evaluation's budget.
evaluation('list contains(items, "a") and count(items) > 0', { items: ['a'] });
Atomics.store(signal, 1, 1);
Atomics.notify(signal, 1);
