import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import {
  definitionInputSchema,
  definitionSummarySchema,
  diagnosticSchema,
  publishInputSchema,
  versionOf,
  versionParamSchema,
  workflowKeyParamSchema,
} from '../schemas/definition.schema.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link definitionsRoutes}. */
export interface DefinitionsRoutesOptions {
  runtime: Pick<
    Runtime,
    | 'listDefinitions'
    | 'listDefinitionVersions'
    | 'getDefinitionVersion'
    | 'getXstateExport'
    | 'getStandaloneExport'
    | 'validateDefinitionInput'
    | 'publishDefinition'
  >;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

/** Roles that may publish a definition. */
export const PUBLISHER_ROLES = ['designer', 'admin'] as const;

const versionParams = z.object({ key: workflowKeyParamSchema, version: versionParamSchema });

const jsonObject = z.record(z.string(), z.unknown());

/**
 * `GET /definitions`, `GET /definitions/{key}/versions`, `GET /definitions/{key}/versions/{version}`, `…/xstate`, `…/xstate/module`,
 * `POST /definitions/validate` and `POST /definitions` (publish: `designer` or `admin`).
 */
export function definitionsRoutes({ runtime, access, maxBodyBytes }: DefinitionsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();
  const body = { required: true, content: { 'application/json': { schema: definitionInputSchema } } } as const;

  const list = createRoute({
    method: 'get',
    path: '/definitions',
    tags: ['definitions'],
    summary: 'Every workflow with its latest version and its version numbers',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'Workflows, by key',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(definitionSummarySchema.extend({ versions: z.array(z.number().int()) })),
            }),
          },
        },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(list, async (c) => c.json({ items: await runtime.listDefinitions() }, 200));

  const history = createRoute({
    method: 'get',
    path: '/definitions/{key}/versions',
    tags: ['definitions'],
    summary: 'Every published version of a workflow, newest first, with who published it, when and the change note',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: z.object({ key: workflowKeyParamSchema }) },
    responses: {
      200: {
        description: 'The versions',
        content: { 'application/json': { schema: z.object({ items: z.array(definitionSummarySchema) }) } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(history, async (c) => c.json({ items: await runtime.listDefinitionVersions(c.req.valid('param').key) }, 200));

  const getVersion = createRoute({
    method: 'get',
    path: '/definitions/{key}/versions/{version}',
    tags: ['definitions'],
    summary: 'One published version with its definition and compiled machine',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: versionParams },
    responses: {
      200: {
        description: 'The version',
        content: {
          'application/json': {
            schema: definitionSummarySchema
              .extend({ definition: jsonObject, machine: jsonObject })
              .openapi('DefinitionVersion'),
          },
        },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(getVersion, async (c) => {
    const { key, version } = c.req.valid('param');
    const detail = await runtime.getDefinitionVersion(key, versionOf(version));
    return c.json({ ...detail, definition: detail.definition as unknown as Record<string, unknown> }, 200);
  });

  const xstate = createRoute({
    method: 'get',
    path: '/definitions/{key}/versions/{version}/xstate',
    tags: ['definitions'],
    summary: 'The version as an XState v5 machine config in JSON, its guards and actions named but not included',
    description:
      '`machine` is the config, `meta` what it was compiled from. The file is not a machine on its own: `createMachine(file)` builds an empty one, ' +
      'and `createMachine(machine)` one whose guards and actions are missing. It runs as `createMachine(machine).provide(implementations)` ' +
      'with the implementations of the Tongban engine. For a machine that runs in plain XState, use `…/xstate/module`.',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: versionParams },
    responses: {
      200: {
        description: 'The machine config and what it was compiled from',
        content: {
          'application/json': {
            schema: z.object({
              machine: jsonObject,
              meta: z.object({ key: z.string(), version: z.number().int(), engine: z.string() }),
            }),
          },
        },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(xstate, async (c) => {
    const { key, version } = c.req.valid('param');
    return c.json(await runtime.getXstateExport(key, versionOf(version)), 200);
  });

  const standalone = createRoute({
    method: 'get',
    path: '/definitions/{key}/versions/{version}/xstate/module',
    tags: ['definitions'],
    summary: 'The version as an ES module that runs in plain XState v5, importing only the packages xstate and feelin, with its README',
    description:
      '`module` is the text of `fileName` (`<key>-v<version>.mjs`): the machine config, its guards and actions inlined, and ' +
      '`createCaseActor({ caseId, data }, { onEffect })`, whose `send` finds the open task of a completion from its `nodeId`. ' +
      '`readme` (Markdown) says how to start a case, which events it takes, what the snapshot holds and what is left to the host ' +
      '(clocks, business calendars, timers, service calls, sub-cases).',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: versionParams },
    responses: {
      200: {
        description: 'The module and its README',
        content: { 'application/json': { schema: z.object({ fileName: z.string(), module: z.string(), readme: z.string() }) } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(standalone, async (c) => {
    const { key, version } = c.req.valid('param');
    return c.json(await runtime.getStandaloneExport(key, versionOf(version)), 200);
  });

  const validate = createRoute({
    method: 'post',
    path: '/definitions/validate',
    tags: ['definitions'],
    summary: 'Validate a definition without publishing it',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body },
    responses: {
      200: {
        description: 'Every diagnostic; none of severity `error` means it can be published',
        content: { 'application/json': { schema: z.object({ diagnostics: z.array(diagnosticSchema) }) } },
      },
      ...errorResponses(...BODY_ERRORS, 401, 403),
    },
  });
  app.openapi(validate, (c) => c.json(runtime.validateDefinitionInput(c.req.valid('json')), 200));

  const publish = createRoute({
    method: 'post',
    path: '/definitions',
    tags: ['definitions'],
    summary: 'Publish a definition as the next version of its key (designer or admin)',
    description:
      'The version in the body is replaced by the next free number. `baseVersion` beside the definition names the version the drawing started from: ' +
      'for a key that exists it must be the latest version, or the publish is refused with 409 `version-conflict` (`details.latestVersion`, `latestPublishedBy`, `latestPublishedAt`), ' +
      'so a stale drawing or a new drawing under a key in use never replaces a live process unasked. ' +
      '400 `definition-invalid` with `details.diagnostics` when validation reports an error.',
    security: USER_SECURITY,
    middleware: [access.user(PUBLISHER_ROLES), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: publishInputSchema } } } },
    responses: {
      201: {
        description: 'The published version, with the warnings it was published with',
        content: {
          'application/json': { schema: definitionSummarySchema.extend({ diagnostics: z.array(diagnosticSchema) }) },
        },
      },
      ...errorResponses(...BODY_ERRORS, 401, 403, 409),
    },
  });
  app.openapi(publish, async (c) => {
    const viewer = c.get('viewer');
    const { baseVersion, changeNote, ...definition } = c.req.valid('json');
    const published = await runtime.publishDefinition(definition, {
      publishedBy: viewer.userId ?? null,
      baseVersion: typeof baseVersion === 'number' ? baseVersion : null,
      changeNote: typeof changeNote === 'string' && changeNote.trim() !== '' ? changeNote.trim() : null,
    });
    return c.json(published, 201);
  });

  return app;
}
