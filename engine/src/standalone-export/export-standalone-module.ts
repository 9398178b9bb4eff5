import type { WorkflowDefinition } from '../definition/index.ts';
import { compile } from '../compile/compile.ts';
import { STANDALONE_RUNTIME_SOURCE } from './standalone-runtime.source.ts';
import { standaloneReadme } from './standalone-readme.ts';

/** A workflow version exported as a standalone ES module, with the README that goes with it. */
export interface StandaloneExport {
  /** File name of the module: `<key>-v<version>.mjs`. */
  fileName: string;
  /** The module's text: imports only `xstate` (v5) and `feelin`. */
  module: string;
  /** How to run it, as Markdown. */
  readme: string;
}

/**
 * Exports `definition` as an ES module that runs in plain XState: it imports only `xstate` and
 * `feelin`, holds the compiled machine config (`config`), the guards and actions inlined, the
 * runnable `machine`, `createCaseActor` (which finds the open task of a completion's node itself)
 * and `withCaseIds`. Throws as `compile` does.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * const { fileName, module, readme } = exportStandaloneModule(definition);
 * ```
 */
export function exportStandaloneModule(definition: WorkflowDefinition): StandaloneExport {
  const { machine, meta } = compile(definition);
  const fileName = `${meta.key}-v${meta.version}.mjs`;
  const module = [
    `// ${definition.name} (${meta.key} v${meta.version}), exported by the Tongban engine ${meta.engine}.`,
    '// Runs in plain XState v5: needs only the packages xstate and feelin. See the README beside it.',
    "import { assign, createActor, createMachine } from 'xstate';",
    "import { evaluate } from 'feelin';",
    '',
    `export const meta = ${JSON.stringify(meta)};`,
    '',
    '/** The XState v5 machine config; its guards and actions are named and implemented below. */',
    `export const config = ${JSON.stringify(machine, null, 2)};`,
    STANDALONE_RUNTIME_SOURCE,
  ].join('\n');
  return { fileName, module, readme: standaloneReadme(definition, machine, fileName) };
}
