/** The version of `@tongban/engine` that compiles machines; recorded in every `CompileResult.meta`. */
export const ENGINE_VERSION = '0.1.0';
