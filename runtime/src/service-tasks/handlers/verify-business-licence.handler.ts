import type { RegisteredService } from '../service-description.ts';
import { PermanentServiceError, type ServiceHandler } from '../service-handler.ts';
import { textParam } from '../service-params.ts';
import { verifyUscc } from '../uscc.ts';

/**
 * `verify-business-licence`: checks the applicant's unified social credit code (GB 32100-2015:
 * alphabet, division code, check character; see `verifyUscc`) and records the verdict in the case
 * data, for a gateway to branch on. A malformed code is a verdict (`false`), not a failure.
 *
 * Params (all optional):
 * - `field`: the case-data field holding the code; default `unifiedSocialCreditCode`;
 * - `resultField`: where the verdict goes (boolean); default `businessLicenceVerified`;
 * - `problemField`: where the problem goes (`length`, `alphabet`, `division`, `check-character`,
 *   or null when valid); default `businessLicenceProblem`.
 *
 * Fails permanently (`case-data-missing`) when the case data has no code as text.
 */
export const verifyBusinessLicenceHandler: ServiceHandler = async ({ params, data, nodeId }) => {
  const field = textParam(params, 'field', 'unifiedSocialCreditCode');
  const resultField = textParam(params, 'resultField', 'businessLicenceVerified');
  const problemField = textParam(params, 'problemField', 'businessLicenceProblem');
  const code = data[field];
  if (typeof code !== 'string') {
    throw new PermanentServiceError(
      'case-data-missing',
      `Service 'verify-business-licence' of node '${nodeId}' needs the credit code in case-data field '${field}', which is ${code === undefined ? 'absent' : typeof code}`,
    );
  }
  const verdict = verifyUscc(code);
  return { data: { [resultField]: verdict.valid, [problemField]: verdict.valid ? null : verdict.problem } };
};


/** `verify-business-licence` with its parameters, as the registry lists it. */
export const verifyBusinessLicenceService: RegisteredService = {
  handler: verifyBusinessLicenceHandler,
  description: "Checks the applicant's unified social credit code and records the verdict in the case data",
  params: [
    { name: 'field', type: 'string', required: false, default: 'unifiedSocialCreditCode', description: 'The case-data field holding the credit code' },
    { name: 'resultField', type: 'string', required: false, default: 'businessLicenceVerified', description: 'Where the verdict (yes/no) goes' },
    { name: 'problemField', type: 'string', required: false, default: 'businessLicenceProblem', description: 'Where the problem of an invalid code goes' },
  ],
};
