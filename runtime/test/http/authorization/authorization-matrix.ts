/**
 * The authorization matrix of the API: for every route of `/api/openapi.json` (method × path
 * template), the status each kind of caller gets, on real fixtures (`matrix-requests.ts` builds
 * the request of each row: the case, task, incident or calendar it needs, and its body).
 * `authorization-matrix.test.ts` sends every cell and fails on a route of the document without a
 * row here, and on a row whose route the document lacks.
 *
 * Callers, in column order:
 * - `anon`: no credentials;
 * - `key`: the citizen portal's intake API key;
 * - `own`: a clerk of the department that owns the fixture's task (`huangpu.market`, market
 *   regulation of 黄浦区, where the fixture cases are filed);
 * - `oth`: a clerk of another department (`huangpu.fire`);
 * - `mIn`: a manager whose jurisdiction holds the case (`huangpu.manager`);
 * - `mOut`: a manager of another district (`xuhui.manager`);
 * - `sup`: a supervisor whose jurisdiction holds the case (`huangpu.supervisor`);
 * - `des`: a designer (`designer`);
 * - `adm`: an admin (`admin`): reads everything, decides no task (403 `admin-does-not-decide`).
 *
 * Adding a route: add its row (and, when it needs a fixture or a body, its request in
 * `matrix-requests.ts`).
 */

/** The callers of the matrix, in column order. */
export const CALLERS = ['anon', 'key', 'own', 'oth', 'mIn', 'mOut', 'sup', 'des', 'adm'] as const;

/** One kind of caller. */
export type Caller = (typeof CALLERS)[number];

/** One row: the request to send (a key of `MATRIX_REQUESTS`) and the status each caller gets. */
export interface MatrixRow {
  request: string;
  expect: readonly [number, number, number, number, number, number, number, number, number];
}

/* prettier-ignore */
export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  //                                                                                  anon  key  own  oth  mIn mOut  sup  des  adm
  'post /api/v1/auth/login':                        { request: 'login',            expect: [200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/auth/logout':                       { request: 'logout',           expect: [401, 403, 204, 204, 204, 204, 204, 204, 204] },
  'get /api/v1/me':                                 { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/jurisdictions':                      { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/departments':                        { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/users':                              { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/roles':                              { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/services':                           { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/definitions':                        { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/definitions/{key}/versions':                 { request: 'definitionKey', expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/definitions/{key}/versions/{version}':        { request: 'definition', expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/definitions/{key}/versions/{version}/xstate': { request: 'definition', expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/definitions/{key}/versions/{version}/xstate/module': { request: 'definition', expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/definitions/validate':              { request: 'validate',         expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/definitions':                       { request: 'publish',          expect: [401, 403, 403, 403, 403, 403, 403, 201, 201] },
  'post /api/v1/definitions/{key}/migrations/dry-run': { request: 'migration',      expect: [401, 403, 403, 403, 403, 403, 403, 200, 200] },
  'post /api/v1/definitions/{key}/migrations':       { request: 'migration',        expect: [401, 403, 403, 403, 403, 403, 403, 200, 200] },
  'post /api/v1/cases':                             { request: 'file',             expect: [401, 201, 403, 403, 403, 403, 403, 403, 201] },
  'get /api/v1/cases':                              { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/cases/{id}':                         { request: 'readCase',         expect: [401, 403, 200, 403, 200, 403, 200, 403, 200] },
  'post /api/v1/cases/{id}/supplement':             { request: 'supplement',       expect: [401, 200, 403, 403, 403, 403, 403, 403, 200] },
  'get /api/v1/intake/cases/{id}':                  { request: 'readCase',         expect: [401, 200, 200, 403, 200, 403, 200, 403, 200] },
  'post /api/v1/cases/{id}/withdraw':               { request: 'withdraw',         expect: [401, 200, 403, 403, 403, 403, 403, 403, 200] },
  'post /api/v1/cases/{id}/suspend':                { request: 'suspend',          expect: [401, 403, 403, 403, 200, 403, 403, 403, 200] },
  'post /api/v1/cases/{id}/resume':                 { request: 'resume',           expect: [401, 403, 403, 403, 200, 403, 403, 403, 200] },
  'get /api/v1/tasks':                              { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/tasks/{id}/claim':                  { request: 'claim',            expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/complete':               { request: 'complete',         expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/extension':              { request: 'requestExtension', expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/extension/approve':      { request: 'approveExtension', expect: [401, 403, 403, 403, 200, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/extension/refuse':       { request: 'refuseExtension',  expect: [401, 403, 403, 403, 200, 403, 403, 403, 403] },
  'get /api/v1/tasks/{id}':                         { request: 'readTask',         expect: [401, 403, 200, 403, 200, 403, 200, 403, 200] },
  'get /api/v1/tasks/done':                         { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/tasks/{id}/unclaim':                { request: 'unclaim',          expect: [401, 403, 200, 403, 200, 403, 403, 403, 200] },
  'post /api/v1/tasks/{id}/withdraw':               { request: 'withdrawTask',     expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/transfer':               { request: 'transfer',         expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/delegate':               { request: 'delegate',         expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/resolve':                { request: 'resolve',          expect: [401, 403, 409, 200, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/comments':               { request: 'comment',          expect: [401, 403, 201, 403, 201, 403, 403, 403, 201] },
  'post /api/v1/tasks/{id}/copies':                 { request: 'copy',             expect: [401, 403, 201, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/reassign':                    { request: 'reassign',         expect: [401, 403, 403, 403, 200, 200, 403, 403, 200] },
  'post /api/v1/tasks/{id}/signers':                { request: 'addSigners',       expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'post /api/v1/tasks/{id}/remove-signer':          { request: 'removeSigner',     expect: [401, 403, 200, 403, 200, 403, 403, 403, 200] },
  'get /api/v1/copies':                             { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/copies/{id}/read':                  { request: 'readCopy',         expect: [401, 403, 404, 200, 404, 404, 404, 404, 404] },
  'post /api/v1/cases/{id}/urge':                   { request: 'urge',             expect: [401, 403, 403, 403, 200, 403, 200, 403, 200] },
  'get /api/v1/tasks/{id}/return-preview':         { request: 'returnPreview',    expect: [401, 403, 200, 403, 403, 403, 403, 403, 403] },
  'get /api/v1/me/notifications':                   { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/me/notifications/{id}/read':        { request: 'readNotification', expect: [401, 403, 200, 404, 404, 404, 404, 404, 404] },
  'post /api/v1/me/notifications/read-all':         { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/webhooks':                          { request: 'subscribeWebhook', expect: [401, 201, 403, 403, 403, 403, 403, 403, 403] },
  'get /api/v1/webhooks':                           { request: 'plain',            expect: [401, 200, 403, 403, 403, 403, 403, 403, 403] },
  'delete /api/v1/webhooks/{id}':                   { request: 'webhookToDelete',  expect: [401, 204, 403, 403, 403, 403, 403, 403, 403] },
  'get /api/v1/webhooks/{id}/deliveries':           { request: 'webhook',          expect: [401, 200, 403, 403, 403, 403, 403, 403, 403] },
  'get /api/v1/tasks/extension-requests':           { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/monitor/overdue':                    { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/monitor/at-risk':                    { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/monitor/escalations':                { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/monitor/load':                       { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/monitor/heat':                       { request: 'heat',             expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/monitor/series':                     { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/monitor/forecast':                  { request: 'forecast',         expect: [401, 403, 403, 403, 200, 200, 403, 403, 403] },
  'get /api/v1/incidents':                          { request: 'plain',            expect: [401, 403, 403, 403, 200, 200, 403, 403, 200] },
  'post /api/v1/incidents/{id}/retry':              { request: 'retryIncident',    expect: [401, 403, 403, 403, 202, 404, 403, 403, 202] },
  'get /api/v1/clock':                              { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'post /api/v1/clock/advance':                     { request: 'advanceClock',     expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
  'get /api/v1/calendars':                          { request: 'plain',            expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'get /api/v1/calendars/{key}':                    { request: 'readCalendar',     expect: [401, 403, 200, 200, 200, 200, 200, 200, 200] },
  'put /api/v1/calendars/{key}':                    { request: 'putCalendar',      expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
  'put /api/v1/calendars/{key}/notices/{year}':     { request: 'putNotice',        expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
  'put /api/v1/jurisdictions/{id}/calendar':        { request: 'setJurisdictionCalendar', expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
};
