/** OpenAPI security requirement of routes for signed-in users. */
export const USER_SECURITY: Record<string, string[]>[] = [{ bearer: [] }];

/** OpenAPI security requirement of intake routes: the portal's API key, or a user's token. */
export const INTAKE_SECURITY: Record<string, string[]>[] = [{ apiKey: [] }, { bearer: [] }];

/** OpenAPI security requirement of the portal's own routes (webhooks): its API key only. */
export const API_KEY_SECURITY: Record<string, string[]>[] = [{ apiKey: [] }];
