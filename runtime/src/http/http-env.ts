import type { Viewer } from '../organisation/index.ts';

/** The Hono environment of every router: what the access middleware leaves on the context. */
export interface HttpEnv {
  Variables: {
    /** Who is asking, resolved from the bearer token or the API key. */
    viewer: Viewer;
    /** The bearer token of the request, when it came with one (logout ends its session). */
    bearerToken?: string;
  };
}
