import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { UnauthenticatedError } from '../../auth/errors/index.ts';
import { isKnownApiKey } from '../../auth/api-key.ts';
import type { AuthService } from '../../auth/auth.service.ts';
import { ForbiddenError } from '../../errors/index.ts';
import type { Viewer } from '../../organisation/index.ts';
import type { HttpEnv } from '../http-env.ts';

/** Options of {@link createAccess}. */
export interface AccessOptions {
  auth: AuthService;
  /** API keys of the citizen portal, accepted on intake routes in `X-Api-Key`. */
  intakeApiKeys: readonly string[];
}

/** Middleware factories that resolve the viewer and admit or refuse them. */
export interface Access {
  /**
   * A signed-in user (bearer token), holding one of `roles` when any are named.
   * 401 without a valid token; 403 `api-key-not-allowed` for an API key, `role-required` without the role.
   */
  user(roles?: readonly string[]): MiddlewareHandler<HttpEnv>;
  /**
   * Intake: the citizen portal's API key or a user's bearer token; 401 without valid credentials.
   * Which users may file where (a service-hall clerk, an admin) is the cases service's to decide.
   */
  intake(): MiddlewareHandler<HttpEnv>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Creates the access middleware. Each request names its credentials in `Authorization: Bearer
 * <token>` or, on intake routes, `X-Api-Key: <key>`; the resolved {@link Viewer} is put on the
 * context as `viewer` for the handler and the services, which enforce who sees what.
 *
 * @example
 * ```ts
 * const access = createAccess({ auth, intakeApiKeys: ['portal-key'] });
 * createRoute({ method: 'post', path: '/', middleware: [access.user(['designer', 'admin'])], ... });
 * ```
 */
export function createAccess({ auth, intakeApiKeys }: AccessOptions): Access {
  const bearerViewer = async (authorization: string): Promise<{ viewer: Viewer; token: string }> => {
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) {
      throw new UnauthenticatedError('unauthenticated', "The Authorization header must read 'Bearer <token>'");
    }
    return { viewer: await auth.viewerForToken(token), token };
  };

  return {
    user(roles = []) {
      return async function requireUser(c, next) {
        const authorization = c.req.header('authorization');
        if (authorization === undefined) {
          if (c.req.header('x-api-key') !== undefined) {
            throw new ForbiddenError('api-key-not-allowed', `An API key may not call ${c.req.method} ${c.req.path}`);
          }
          throw new UnauthenticatedError('unauthenticated', 'Sign in: this request needs a bearer token');
        }
        const { viewer, token } = await bearerViewer(authorization);
        if (roles.length > 0 && !roles.some((role) => viewer.roles.includes(role))) {
          throw new ForbiddenError(
            'role-required',
            `User '${viewer.username}' needs one of the roles ${roles.map((r) => `'${r}'`).join(', ')}`,
            { roles: [...roles] },
          );
        }
        c.set('viewer', viewer);
        c.set('bearerToken', token);
        await next();
      };
    },

    intake() {
      return async function requireIntake(c, next) {
        const authorization = c.req.header('authorization');
        const apiKey = c.req.header('x-api-key');
        if (authorization !== undefined) {
          const { viewer, token } = await bearerViewer(authorization);
          c.set('viewer', viewer);
          c.set('bearerToken', token);
        } else if (apiKey !== undefined) {
          if (!isKnownApiKey(apiKey, intakeApiKeys)) {
            throw new UnauthenticatedError('invalid-api-key', 'The API key is not known');
          }
          c.set('viewer', { kind: 'apiKey', apiKeyId: createHash('sha256').update(apiKey).digest('hex').slice(0, 16), roles: [] });
        } else {
          throw new UnauthenticatedError('unauthenticated', 'This request needs a bearer token or an API key');
        }
        await next();
      };
    },
  };
}
