import type { Viewer } from '../organisation/index.ts';

/** The Hono environment of every router: what the middleware and handlers leave on the context. */
export interface HttpEnv {
  Variables: {
    /** Who is asking, resolved from the bearer token or the API key. */
    viewer: Viewer;
    /** The bearer token of the request, when it came with one (logout ends its session). */
    bearerToken?: string;
    /** The request's id: its `X-Request-Id` when it came with a usable one, else a new UUID (`hono/request-id`). */
    requestId: string;
    /** The case the request acted on, set by a handler that learns it (a filed case, a task's case), for the request log. */
    caseId?: string;
    /** The task the request acted on, set by a handler that learns it, for the request log. */
    taskId?: string;
  };
}
