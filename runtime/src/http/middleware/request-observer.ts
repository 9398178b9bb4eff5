import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { HttpEnv } from '../http-env.ts';

/** One answered request, as the request log writes it. */
export interface RequestLine {
  requestId: string;
  method: string;
  /** The route template that answered, e.g. `/api/v1/tasks/:id/complete`; `unmatched` when none did. */
  route: string;
  status: number;
  durationMs: number;
  /** The case the request was about, when known: the route's `:id` under `/cases`, or what the handler set. */
  caseId?: string;
  /** The task the request was about, when known. */
  taskId?: string;
}

/**
 * Calls `onRequest` once per request, after the answer (an error included, as `onError` made it),
 * with its request id (`hono/request-id`, mounted before), route template, status and duration,
 * and the case and task ids the path or the handler named. The route is the template of the
 * handler that answered, never the path, so ids never become metric labels.
 */
export function requestObserver(onRequest: (line: RequestLine) => void): MiddlewareHandler<HttpEnv> {
  return async function observeRequest(c, next) {
    const started = performance.now();
    const own = c.req.routeIndex;
    try {
      await next();
    } finally {
      // The index of the last handler run: still this middleware's when no route matched.
      const route = c.req.routeIndex === own ? 'unmatched' : routePath(c);
      const id = route === 'unmatched' ? undefined : c.req.param('id');
      const caseId = c.get('caseId') ?? (id !== undefined && route.includes('/cases/:id') ? id : undefined);
      const taskId = c.get('taskId') ?? (id !== undefined && route.includes('/tasks/:id') ? id : undefined);
      onRequest({
        requestId: c.get('requestId'),
        method: c.req.method,
        route,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 1_000) / 1_000,
        ...(caseId === undefined ? {} : { caseId }),
        ...(taskId === undefined ? {} : { taskId }),
      });
    }
  };
}
