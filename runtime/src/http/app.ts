import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import { createAuthService } from '../auth/auth.service.ts';
import { NotFoundError } from '../errors/index.ts';
import type { Health } from '../health/health.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { metricsRoutes } from '../metrics/metrics.routes.ts';
import type { TongbanMetrics } from '../metrics/tongban-metrics.ts';
import type { Runtime } from '../runtime.ts';
import { consoleRoutes } from './console-routes.ts';
import { createRouter } from './create-router.ts';
import type { HttpEnv } from './http-env.ts';
import { createAccess } from './middleware/access.ts';
import { errorHandler } from './middleware/error-handler.ts';
import type { HttpLogger } from './middleware/error-handler.ts';
import { DEFAULT_MAX_BODY_BYTES } from './middleware/json-body.ts';
import { requestObserver, type RequestLine } from './middleware/request-observer.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { calendarsRoutes } from './routes/calendars.routes.ts';
import { caseMigrationsRoutes } from './routes/case-migrations.routes.ts';
import { caseOperationsRoutes } from './routes/case-operations.routes.ts';
import { casesRoutes } from './routes/cases.routes.ts';
import { clockRoutes } from './routes/clock.routes.ts';
import { definitionsRoutes } from './routes/definitions.routes.ts';
import { incidentsRoutes } from './routes/incidents.routes.ts';
import { monitorRoutes } from './routes/monitor.routes.ts';
import { notificationsRoutes } from './routes/notifications.routes.ts';
import { organisationRoutes } from './routes/organisation.routes.ts';
import { servicesRoutes } from './routes/services.routes.ts';
import { taskOperationsRoutes } from './routes/task-operations.routes.ts';
import { taskWithdrawalRoutes } from './routes/task-withdrawal.routes.ts';
import { taskExtensionsRoutes } from './routes/task-extensions.routes.ts';
import { tasksRoutes } from './routes/tasks.routes.ts';
import { usersRoutes } from './routes/users.routes.ts';
import { webhooksRoutes } from './routes/webhooks.routes.ts';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Folder of the built console, served at `/`; without it only the API is served. */
  consoleDir?: string;
  /** API keys the citizen portal sends in `X-Api-Key` to file cases and supplements. */
  intakeApiKeys: readonly string[];
  /** Lifetime of a bearer token, in minutes. Default 720 (12 h). */
  tokenTtlMinutes?: number;
  /** Largest request body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The wall clock sessions expire on (never the runtime's virtual clock). Default `new Date()`. */
  sessionClock?: () => Date;
  /** Receives unexpected errors. Default `console`. */
  logger?: HttpLogger;
  /** The process's health, answered at `/healthz` and `/readyz`. */
  health?: Health;
  /** The process's metrics, answered at `/metrics`. */
  metrics?: TongbanMetrics;
  /** Receives one line per answered request (the request log, the HTTP histogram). */
  onRequest?: (line: RequestLine) => void;
}

/** The version of the HTTP API, as the OpenAPI document states it. */
export const API_VERSION = '1.0.0';

/**
 * The Tongban HTTP application (DESIGN.md §7):
 *
 * - `/api/v1/*`: the JSON API, every input validated by the routes' zod schemas, every error
 *   answered `{ error: { code, message, details } }` by one `onError`;
 * - `/api/openapi.json`: the OpenAPI 3.1 document generated from those schemas;
 * - `/healthz`, `/readyz` (with `health`): the process's liveness and readiness, never the console;
 * - `/metrics` (with `metrics`): the process's Prometheus metrics;
 * - on every answer `X-Request-Id`: the request's own when usable (at most 255 of `A-Za-z0-9_-=`),
 *   else a new UUID; with `onRequest`, one record per request carrying it;
 * - `/`: the built console from `consoleDir`, with SPA fallback; unknown `/api/*` paths answer
 *   404 `route-not-found` and never the console.
 *
 * @example
 * ```ts
 * const app = createApp(runtime, { intakeApiKeys: ['portal-key'], consoleDir: 'designer/dist' });
 * serve({ fetch: app.fetch, port: 3000 });
 * ```
 */
export function createApp(runtime: Runtime, options: AppOptions): OpenAPIHono<HttpEnv> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const auth = createAuthService({
    db: runtime.db,
    ...(options.sessionClock && { now: options.sessionClock }),
    ...(options.tokenTtlMinutes !== undefined && { tokenTtlMinutes: options.tokenTtlMinutes }),
  });
  const access = createAccess({ auth, intakeApiKeys: options.intakeApiKeys });

  const api = createRouter();
  api.route('/', authRoutes({ auth, access, maxBodyBytes }));
  api.route('/', organisationRoutes({ db: runtime.db, access }));
  api.route('/', usersRoutes({ db: runtime.db, access }));
  api.route('/', definitionsRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', caseMigrationsRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', servicesRoutes({ runtime, access }));
  api.route('/', casesRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', caseOperationsRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', tasksRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', taskExtensionsRoutes({ runtime, access, maxBodyBytes }));
  // After the extension routes: `GET /tasks/extension-requests` must not be read as `GET /tasks/{id}`.
  api.route('/', taskOperationsRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', taskWithdrawalRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', notificationsRoutes({ runtime, access }));
  api.route('/', webhooksRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', monitorRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', incidentsRoutes({ runtime, access }));
  api.route('/', clockRoutes({ runtime, access, maxBodyBytes }));
  api.route('/', calendarsRoutes({ runtime, access, maxBodyBytes }));

  const onError = errorHandler(options.logger ? { logger: options.logger } : {});
  const routeNotFound = (c: Context<HttpEnv>) =>
    onError(new NotFoundError('route-not-found', `No route answers ${c.req.method} ${c.req.path}`), c);

  const app = createRouter();
  app.onError(onError);
  app.notFound(routeNotFound);
  app.use(requestId());
  if (options.onRequest !== undefined) app.use(requestObserver(options.onRequest));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-Api-Key' });
  app.route('/api/v1', api);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tongban API',
      version: API_VERSION,
      description:
        'Cross-department case handling: definitions, cases, tasks, time limits.\n\n' +
        `Every JSON request body: at most ${maxBodyBytes.toLocaleString('en-US')} bytes (413 \`payload-too-large\`), \`application/json\` (415 \`unsupported-media-type\`), ` +
        'nested at most 64 levels (400 `invalid-json`), with no NUL character (U+0000) and no number past the range of a double such as `1e309` (400 `invalid-input` naming the field). ' +
        'Each field states its own bound (`maxLength`, `maxItems`, `maxProperties`; free-form objects in their description), checked before anything is stored.\n\n' +
        'While PostgreSQL cannot be reached, any route answers 503 `database-unavailable` with `Retry-After` (in seconds): nothing was changed, and the same request may be sent again.',
    },
  });
  app.all('/api/*', routeNotFound);
  if (options.health !== undefined) app.route('/', healthRoutes(options.health));
  if (options.metrics !== undefined) app.route('/', metricsRoutes(options.metrics));
  if (options.consoleDir !== undefined) app.route('/', consoleRoutes({ consoleDir: options.consoleDir }));
  return app;
}
